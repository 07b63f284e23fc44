/// The body of `POST /v1/approvals/{id}`: the operator's answer, and where it was given.
public struct OperatorDecision: Codable, Sendable, Hashable {
    public enum Answer: String, Codable, Sendable, Hashable {
        case allow, deny
    }

    public var decision: Answer
    /// `console` or `cli` when they say who they are; absent means `api`.
    public var via: ApprovalVia?

    public init(decision: Answer, via: ApprovalVia? = nil) {
        self.decision = decision
        self.via = via
    }
}
