/// How hard `TelegramBotAPI` tries to deliver a message before giving up on it (SPEC §9: no reply is lost).
struct TelegramDeliveryPolicy: Sendable {
    /// Resends after a 5xx, a dropped connection or an unreadable answer. A resend after a lost answer may show the
    /// message twice; a reply that never arrives is worse.
    var maxTransientRetries: Int
    /// The pauses between those resends.
    var backoff: RetryBackoff
    /// Waits for `retry_after` after a 429 before the message is given up.
    var maxRateLimitWaits: Int

    static let standard = TelegramDeliveryPolicy(
        maxTransientRetries: 5, backoff: RetryBackoff(initial: .seconds(1), maximum: .seconds(30)),
        maxRateLimitWaits: 20)
}
