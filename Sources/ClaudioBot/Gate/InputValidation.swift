/// What `InputValidator.validate(_:)` found.
enum InputValidation: Sendable, Equatable {
    /// The prompt may run, unchanged.
    case valid(prompt: String)
    /// Nothing but whitespace.
    case empty
    /// Longer than the limit; `count` is the exact length in Unicode scalars.
    case tooLong(count: Int, max: Int)

    /// The reply that tells the user why the prompt did not run; nil when it is valid.
    var reply: String? {
        switch self {
        case .valid: nil
        case .empty: GateReplies.emptyPrompt
        case .tooLong(let count, let max): GateReplies.tooLong(count: count, max: max)
        }
    }
}
