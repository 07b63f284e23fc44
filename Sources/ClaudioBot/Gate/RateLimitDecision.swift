/// What `RateLimiter.admit(user:at:)` decided.
package enum RateLimitDecision: Sendable, Equatable {
    /// The prompt was recorded and may go on.
    case accepted
    /// The user already sent `limit` prompts inside the window; the oldest of them leaves it in this many whole seconds
    /// (rounded up, at least 1).
    case rejected(retryAfterSeconds: Int)
}
