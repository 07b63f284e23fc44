import Foundation

/// The moment until which the bot must not send: a 429 blocks the whole bot, not one chat (SPEC §11), so after one
/// every outgoing call waits, instead of each chat discovering the limit on its own.
actor TelegramFloodWait {
    private var blockedUntil: ContinuousClock.Instant?

    /// Holds the whole bot back for `seconds`.
    func block(for seconds: Int) {
        let until = ContinuousClock.now + .seconds(seconds)
        if blockedUntil.map({ until > $0 }) ?? true { blockedUntil = until }
    }

    /// Returns once sending is allowed again.
    /// - Throws: `CancellationError` when the task is cancelled while waiting.
    func waitUntilOpen() async throws {
        while let until = blockedUntil, until > ContinuousClock.now {
            try await Task.sleep(until: until, clock: .continuous)
        }
        blockedUntil = nil
    }
}
