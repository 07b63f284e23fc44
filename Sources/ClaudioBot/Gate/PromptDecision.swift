/// What `Gate.admitPrompt(_:)` decided about an authorized user's prompt.
package enum PromptDecision: Sendable, Equatable {
    /// Run it; `prompt` is the text to hand to claude.
    case accepted(prompt: String)
    /// Over the rate limit; send `reply` and run nothing.
    case rateLimited(reply: String)
    /// The user's cost today reached `USER_DAILY_BUDGET_USD`; send `reply` and run nothing.
    case overBudget(reply: String)
    /// Empty or too long; send `reply` and run nothing.
    case invalid(reply: String)
}
