/// The answer to `POST /v1/approvals/{id}`.
public struct OperatorDecisionResponse: Codable, Sendable, Equatable {
    public var id: String
    public var decision: OperatorDecision.Answer
    /// Always `operator`.
    public var decidedBy: String

    public init(id: String, decision: OperatorDecision.Answer, decidedBy: String = "operator") {
        self.id = id
        self.decision = decision
        self.decidedBy = decidedBy
    }

    enum CodingKeys: String, CodingKey {
        case id, decision
        case decidedBy = "decided_by"
    }
}
