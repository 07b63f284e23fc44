/// A scripted failure of the next call to a Web API method.
enum FakeSlackFailure: Sendable {
    /// HTTP 429 with `Retry-After`.
    case rateLimited(retryAfter: Int)
    /// HTTP 200 with `{"ok": false, "error": code}`.
    case error(String)
    /// An HTTP status with an empty body.
    case status(Int)
}
