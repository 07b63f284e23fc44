import Foundation

/// A tool request waiting for an answer (SPEC §13), as `GET /v1/approvals` lists it.
public struct ApprovalInfo: Codable, Sendable, Equatable, Identifiable {
    /// Unguessable; what `POST /v1/approvals/{id}` answers.
    public var id: String
    public var jobID: String
    public var platform: Platform
    public var chatID: String
    /// The user who sent the prompt: the one who may answer from the chat.
    public var userID: String
    public var username: String?
    /// The tool Claude wants to use, e.g. `Bash`; `AskUserQuestion` for a question to the user.
    public var tool: String
    /// What it would do, on one line (the command, the path, the URL…).
    public var summary: String
    public var askedAt: Date
    /// When the request is denied for want of an answer (`asked_at + APPROVAL_TIMEOUT`).
    public var expiresAt: Date

    public init(
        id: String, jobID: String, platform: Platform, chatID: String, userID: String, username: String?,
        tool: String, summary: String, askedAt: Date, expiresAt: Date
    ) {
        self.id = id
        self.jobID = jobID
        self.platform = platform
        self.chatID = chatID
        self.userID = userID
        self.username = username
        self.tool = tool
        self.summary = summary
        self.askedAt = askedAt
        self.expiresAt = expiresAt
    }

    enum CodingKeys: String, CodingKey {
        case id
        case jobID = "job_id"
        case platform
        case chatID = "chat_id"
        case userID = "user_id"
        case username, tool, summary
        case askedAt = "asked_at"
        case expiresAt = "expires_at"
    }
}
