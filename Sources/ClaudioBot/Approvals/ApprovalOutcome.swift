import Shared

/// How a tool request was settled.
enum ApprovalOutcome: Sendable, Equatable {
    /// Allowed; `forJob` when the tool's later requests in the job are allowed too.
    case allowed(by: ApprovalAnswerer, updatedInput: JSONValue, forJob: Bool)
    /// A question to the user, answered: the chosen labels by question.
    case answered(by: ApprovalAnswerer, updatedInput: JSONValue, choices: [String])
    case denied(by: ApprovalAnswerer)
    /// Nobody answered within `APPROVAL_TIMEOUT`.
    case timedOut
    /// The job ended first.
    case ended

    /// What claude is told.
    func decision(timeoutSeconds: Int) -> PermissionDecision {
        switch self {
        case .allowed(_, let input, _), .answered(_, let input, _): .allow(updatedInput: input)
        case .denied(let answerer): .deny(message: "Denied by \(answerer.name)")
        case .timedOut: .deny(message: "No answer in \(timeoutSeconds) s: denied")
        case .ended: .deny(message: "The job ended before anyone answered")
        }
    }

    /// The history's `decision`.
    var kind: ApprovalDecisionKind {
        switch self {
        case .allowed(_, _, let forJob): forJob ? .allowJob : .allow
        case .answered: .allow
        case .denied: .deny
        case .timedOut: .timeout
        case .ended: .ended
        }
    }

    /// The history's `decided_by` and `via`.
    var decider: (decidedBy: String, via: ApprovalVia) {
        switch self {
        case .allowed(let answerer, _, _), .answered(let answerer, _, _), .denied(let answerer):
            (answerer.decidedBy, answerer.via)
        case .timedOut: ("timeout", .timeout)
        case .ended: ("job", .job)
        }
    }
}
