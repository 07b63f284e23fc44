/// One chat channel in `GET /v1/status`.
public struct ChannelStatus: Codable, Sendable, Equatable {
    public var name: Platform
    /// Configured and not switched off with `--no-telegram` / `--no-slack`.
    public var enabled: Bool
    /// Currently polling (Telegram) or holding a Socket Mode connection (Slack).
    public var connected: Bool
    /// The latest transport error (a 409, a dropped socket), nil once the channel recovers.
    public var lastError: String?
    /// How many user IDs the channel's allowlist holds.
    public var allowlistSize: Int
    /// True when every user is admitted (Slack with an empty allowlist); clients show it as a warning.
    public var allowAll: Bool

    public init(
        name: Platform, enabled: Bool, connected: Bool, lastError: String? = nil, allowlistSize: Int,
        allowAll: Bool = false
    ) {
        self.name = name
        self.enabled = enabled
        self.connected = connected
        self.lastError = lastError
        self.allowlistSize = allowlistSize
        self.allowAll = allowAll
    }

    enum CodingKeys: String, CodingKey {
        case name
        case enabled
        case connected
        case lastError = "last_error"
        case allowlistSize = "allowlist_size"
        case allowAll = "allow_all"
    }

    // Written by hand so a missing value is an explicit `null`: every key of SPEC §6 is always present.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(enabled, forKey: .enabled)
        try container.encode(connected, forKey: .connected)
        try container.encode(lastError, forKey: .lastError)
        try container.encode(allowlistSize, forKey: .allowlistSize)
        try container.encode(allowAll, forKey: .allowAll)
    }
}
