import Foundation

/// Who asked what, and where: the part every job row shares, live (`JobInfo`) or finished (`JobHistoryEntry`).
/// Those rows embed it and encode its keys beside their own, so the JSON stays flat.
public struct JobOrigin: Codable, Sendable, Equatable {
    /// Opaque; the same for a job while it runs and in the history.
    public var id: String
    public var platform: Platform
    public var chatID: String
    public var userID: String
    public var username: String?
    /// The start of the prompt, control characters removed.
    public var promptExcerpt: String

    public init(
        id: String, platform: Platform, chatID: String, userID: String, username: String? = nil, promptExcerpt: String
    ) {
        self.id = id
        self.platform = platform
        self.chatID = chatID
        self.userID = userID
        self.username = username
        self.promptExcerpt = promptExcerpt
    }

    enum CodingKeys: String, CodingKey {
        case id
        case platform
        case chatID = "chat_id"
        case userID = "user_id"
        case username
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
        try container.encode(promptExcerpt, forKey: .promptExcerpt)
    }
}
