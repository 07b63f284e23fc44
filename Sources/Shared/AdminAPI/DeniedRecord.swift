import Foundation

/// A denied-access record (SPEC §4): who tried, where, why, and how often within one folding interval. The daemon
/// keeps it, stores it (its coding keys are the columns of `denied_access`) and serves it in `GET /v1/denied`.
///
/// Repeated attempts fold into one record (`count` and `lastAt` grow), so a store treats a record with a known `id`
/// as an update of that row.
public struct DeniedRecord: Codable, Sendable, Equatable, Identifiable {
    /// Opaque and unique across restarts.
    public var id: String
    /// The first attempt.
    public var at: Date
    /// The latest attempt folded into this record.
    public var lastAt: Date
    public var platform: Platform
    public var userID: String
    public var username: String?
    public var chatID: String
    public var reason: DeniedReason
    /// At most 100 characters of the first attempt, control characters removed.
    public var excerpt: String
    /// Attempts folded into this record.
    public var count: Int

    /// How long an excerpt may be, in characters (SPEC §4).
    public static let maxExcerptLength = 100

    public init(
        id: String, at: Date, lastAt: Date, platform: Platform, userID: String, username: String? = nil,
        chatID: String, reason: DeniedReason, excerpt: String, count: Int
    ) {
        self.id = id
        self.at = at
        self.lastAt = lastAt
        self.platform = platform
        self.userID = userID
        self.username = username
        self.chatID = chatID
        self.reason = reason
        self.excerpt = excerpt
        self.count = count
    }

    enum CodingKeys: String, CodingKey {
        case id
        case at
        case lastAt = "last_at"
        case platform
        case userID = "user_id"
        case username
        case chatID = "chat_id"
        case reason
        case excerpt
        case count
    }

    // Written by hand so a missing value is an explicit `null`: every key of SPEC §6 is always present.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(at, forKey: .at)
        try container.encode(lastAt, forKey: .lastAt)
        try container.encode(platform, forKey: .platform)
        try container.encode(userID, forKey: .userID)
        try container.encode(username, forKey: .username)
        try container.encode(chatID, forKey: .chatID)
        try container.encode(reason, forKey: .reason)
        try container.encode(excerpt, forKey: .excerpt)
        try container.encode(count, forKey: .count)
    }
}
