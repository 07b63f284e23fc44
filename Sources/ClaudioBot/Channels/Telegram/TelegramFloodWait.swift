/// Until when each chat must not be sent to: a 429's `retry_after` delays only what it applies to (SPEC §18) — the
/// chat the refused call was for, or the bot's own calls (`getMe`, `setMyCommands`) for a call without a chat — so
/// one busy chat, or a stranger's flood, never holds up another chat's replies.
actor TelegramFloodWait<C: Clock<Duration>> {
    /// The key of calls that concern no chat.
    static var botKey: String { "" }

    private let clock: C
    private var blockedUntil: [String: C.Instant] = [:]

    init(clock: C) {
        self.clock = clock
    }

    /// Holds back sends to `chat` for `seconds`.
    func block(_ chat: String, for seconds: Int) {
        let until = clock.now.advanced(by: .seconds(seconds))
        if blockedUntil[chat].map({ until > $0 }) ?? true { blockedUntil[chat] = until }
    }

    /// Whether `chat` may be sent to right now.
    func isOpen(_ chat: String) -> Bool {
        guard let until = blockedUntil[chat] else { return true }
        if until > clock.now { return false }
        blockedUntil[chat] = nil
        return true
    }

    /// Returns once sending to `chat` is allowed again.
    /// - Throws: `CancellationError` when the task is cancelled while waiting.
    func waitUntilOpen(_ chat: String) async throws {
        while let until = blockedUntil[chat], until > clock.now {
            try await clock.sleep(until: until, tolerance: nil)
        }
        blockedUntil[chat] = nil
    }
}
