import Foundation

/// One decided tool request, as SQLite keeps it and `GET /v1/approvals/history` serves it (SPEC §13).
public struct ApprovalDecisionRecord: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var jobID: String
    public var platform: Platform
    /// The user who sent the prompt.
    public var userID: String
    public var username: String?
    public var tool: String
    public var summary: String
    public var decision: ApprovalDecisionKind
    /// The answering user's ID, `operator`, `timeout` or `job`.
    public var decidedBy: String
    public var via: ApprovalVia
    public var askedAt: Date
    public var decidedAt: Date

    public init(
        id: String, jobID: String, platform: Platform, userID: String, username: String?, tool: String,
        summary: String, decision: ApprovalDecisionKind, decidedBy: String, via: ApprovalVia, askedAt: Date,
        decidedAt: Date
    ) {
        self.id = id
        self.jobID = jobID
        self.platform = platform
        self.userID = userID
        self.username = username
        self.tool = tool
        self.summary = summary
        self.decision = decision
        self.decidedBy = decidedBy
        self.via = via
        self.askedAt = askedAt
        self.decidedAt = decidedAt
    }

    enum CodingKeys: String, CodingKey {
        case id
        case jobID = "job_id"
        case platform
        case userID = "user_id"
        case username, tool, summary, decision
        case decidedBy = "decided_by"
        case via
        case askedAt = "asked_at"
        case decidedAt = "decided_at"
    }
}
