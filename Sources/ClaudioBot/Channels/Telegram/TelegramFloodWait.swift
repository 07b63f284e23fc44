import Foundation

/// The moment until which the bot must not send: a 429 blocks the whole bot, not one chat (SPEC §11), so after one
/// every outgoing call waits, instead of each chat discovering the limit on its own.
actor TelegramFloodWait<C: Clock<Duration>> {
    private let clock: C
    private var blockedUntil: C.Instant?

    init(clock: C) {
        self.clock = clock
    }

    /// Holds the whole bot back for `seconds`.
    func block(for seconds: Int) {
        let until = clock.now.advanced(by: .seconds(seconds))
        if blockedUntil.map({ until > $0 }) ?? true { blockedUntil = until }
    }

    /// Returns once sending is allowed again.
    /// - Throws: `CancellationError` when the task is cancelled while waiting.
    func waitUntilOpen() async throws {
        while let until = blockedUntil, until > clock.now {
            try await clock.sleep(until: until, tolerance: nil)
        }
        blockedUntil = nil
    }
}
