/// What kind of failure a channel met, as `claudio_channel_errors_total{channel,kind}` counts it: few enough values
/// to alert on, never the error's text (which may name a chat or a URL).
enum ChannelErrorKind: String, Sendable, CaseIterable {
    /// No answer: the connection failed, timed out or dropped.
    case network
    /// The platform answered 5xx, or an answer that is not its JSON.
    case server
    /// 429 / `ratelimited`: the platform asked Claudio to slow down.
    case rateLimited = "rate_limited"
    /// The platform refused the credentials.
    case auth
    /// Telegram 409: a webhook is set or another process polls with the same token.
    case conflict
    /// The platform refused a request for another reason (4xx, Slack `ok: false`).
    case rejected
    /// The live connection (Slack Socket Mode) dropped without a goodbye.
    case disconnected
}
