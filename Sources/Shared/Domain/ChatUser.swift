/// Who sent a message. IDs are strings everywhere: Telegram IDs exceed 32 bits and Slack IDs are not numeric.
public struct ChatUser: Sendable, Hashable, Codable {
    public var platform: Platform
    public var id: String
    /// `@name` without the `@` on Telegram; the Slack user name when known.
    public var username: String?
    public var displayName: String?
    /// Set when the platform says the sender belongs to another organisation than the bot: on Slack, the workspace
    /// ID (`T…`, or "unknown") of a Slack Connect user or of a command sent from another workspace. The channel only
    /// reports the fact; the gate decides what it means (SPEC §18: such a sender must be listed by ID). Nil on
    /// Telegram and for the bot's own workspace.
    public var foreignTeamID: String?

    public init(
        platform: Platform, id: String, username: String? = nil, displayName: String? = nil,
        foreignTeamID: String? = nil
    ) {
        self.platform = platform
        self.id = id
        self.username = username
        self.displayName = displayName
        self.foreignTeamID = foreignTeamID
    }

    /// The key rate limits and denials are kept under: one user never affects another, across platforms too.
    public var key: UserKey { UserKey(platform: platform, userID: id) }
}

/// A (platform, user) pair.
public struct UserKey: Sendable, Hashable, Codable {
    public var platform: Platform
    public var userID: String

    public init(platform: Platform, userID: String) {
        self.platform = platform
        self.userID = userID
    }
}
