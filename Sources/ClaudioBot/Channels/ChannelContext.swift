import Shared

/// What the daemon hands each channel it starts.
struct ChannelContext: Sendable {
    let settings: Settings
    let router: MessageRouter
    /// The daemon's one libcurl client (redacting the tokens in every error).
    let http: HTTPClient
    /// Durable state: the Telegram update offset lives here.
    let state: StateStore
    /// Where channel errors are counted.
    let metrics: ClaudioMetrics
    /// What reconnect backoffs and resends wait on.
    var clock: AnyClock = .continuous
}
