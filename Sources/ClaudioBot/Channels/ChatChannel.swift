import Shared

/// A chat platform the daemon serves. It reads the platform's updates as `InboundMessage`s and `ChatRequest`s for the
/// `MessageRouter`, handing it the `ChatReplier` that answers them (a job keeps that replier).
protocol ChatChannel: Sendable {
    var platform: Platform { get }
    /// Connects and serves until the task is cancelled (shutdown: stop taking messages and return).
    /// - Throws: `ChannelError.credentialsRejected` when the platform refuses the token (the daemon exits 3); other
    ///   errors are retried inside the channel and never end it.
    func run() async throws
    /// For the admin API's `channels[]`.
    func health() async -> ChannelHealth
}
