/// `GET /v1/approvals`: the tool requests waiting for an answer, oldest first.
public struct ApprovalsResponse: Codable, Sendable, Equatable {
    public var approvals: [ApprovalInfo]

    public init(approvals: [ApprovalInfo]) {
        self.approvals = approvals
    }
}
