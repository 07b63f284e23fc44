/// What `Gate.checkAccess(_:)` decided about a message's sender.
package enum AccessDecision: Sendable, Equatable {
    case allowed
    /// Nothing may run. `reply` is the access-denied text to send, or nil when this user was already answered within
    /// the last 60 s (the bot must not become a spam amplifier).
    case denied(reply: String?)
}
