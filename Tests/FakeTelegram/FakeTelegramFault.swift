/// A failure the fake answers a Bot API call with instead of doing what it asks.
package enum FakeTelegramFault: Sendable, Equatable {
    /// An error status (500, 502, 503…) with Telegram's error envelope.
    case serverError(Int)
    /// 429 with `parameters.retry_after`.
    case tooManyRequests(retryAfter: Int)
    /// Headers promising a body, then the connection is closed.
    case dropConnection
    /// 200 with a body that is not JSON.
    case malformedBody
    /// 409 "terminated by other getUpdates request".
    case conflict
    /// 401 Unauthorized, as for a revoked token.
    case unauthorized
    /// 400 with this description, e.g. "Bad Request: can't parse entities: …".
    case badRequest(String)
}
