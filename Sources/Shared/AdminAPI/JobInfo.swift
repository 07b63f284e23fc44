import Foundation

/// One queued or running job in `GET /v1/jobs` (SPEC §6).
public struct JobInfo: Codable, Sendable, Equatable {
    /// Opaque; the argument of `POST /v1/jobs/{id}/kill`.
    public var id: String
    public var platform: Platform
    public var chatID: String
    public var userID: String
    public var username: String?
    public var state: JobRunState
    /// The claude process; nil while queued.
    public var pid: Int?
    /// When the job started running; when it was queued, for a queued job.
    public var startedAt: Date
    /// Seconds since `startedAt`.
    public var elapsedSeconds: Double
    /// How many processes the job's tree holds (claude and every tool it started).
    public var processes: Int
    /// The start of the prompt, control characters removed.
    public var promptExcerpt: String

    public init(
        id: String, platform: Platform, chatID: String, userID: String, username: String? = nil,
        state: JobRunState, pid: Int? = nil, startedAt: Date, elapsedSeconds: Double, processes: Int,
        promptExcerpt: String
    ) {
        self.id = id
        self.platform = platform
        self.chatID = chatID
        self.userID = userID
        self.username = username
        self.state = state
        self.pid = pid
        self.startedAt = startedAt
        self.elapsedSeconds = elapsedSeconds
        self.processes = processes
        self.promptExcerpt = promptExcerpt
    }

    enum CodingKeys: String, CodingKey {
        case id
        case platform
        case chatID = "chat_id"
        case userID = "user_id"
        case username
        case state
        case pid
        case startedAt = "started_at"
        case elapsedSeconds = "elapsed_seconds"
        case processes
        case promptExcerpt = "prompt_excerpt"
    }

    // Written by hand so a missing value is an explicit `null`: every key of SPEC §6 is always present.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(platform, forKey: .platform)
        try container.encode(chatID, forKey: .chatID)
        try container.encode(userID, forKey: .userID)
        try container.encode(username, forKey: .username)
        try container.encode(state, forKey: .state)
        try container.encode(pid, forKey: .pid)
        try container.encode(startedAt, forKey: .startedAt)
        try container.encode(elapsedSeconds, forKey: .elapsedSeconds)
        try container.encode(processes, forKey: .processes)
        try container.encode(promptExcerpt, forKey: .promptExcerpt)
    }
}
