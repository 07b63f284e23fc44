/// `GET /v1/approvals/history?limit=N`: decided tool requests, newest first.
public struct ApprovalHistoryResponse: Codable, Sendable, Equatable {
    public var decisions: [ApprovalDecisionRecord]

    /// Records served when no `limit` is given.
    public static let defaultLimit = 50

    public init(decisions: [ApprovalDecisionRecord]) {
        self.decisions = decisions
    }
}
