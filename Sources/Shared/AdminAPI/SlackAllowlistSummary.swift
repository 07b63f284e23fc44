/// The Slack allowlist after `POST /v1/reload`.
public struct SlackAllowlistSummary: Codable, Sendable, Equatable {
    /// How many user IDs `SLACK_ALLOWED_USER_IDS` holds.
    public var size: Int
    /// True when the list is empty, which admits every workspace member.
    public var allowAll: Bool
    public var source: AllowlistSource

    public init(size: Int, allowAll: Bool, source: AllowlistSource) {
        self.size = size
        self.allowAll = allowAll
        self.source = source
    }

    enum CodingKeys: String, CodingKey {
        case size
        case allowAll = "allow_all"
        case source
    }
}
