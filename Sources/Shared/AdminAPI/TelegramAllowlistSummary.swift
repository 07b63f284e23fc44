/// The Telegram allowlist after `POST /v1/reload`.
public struct TelegramAllowlistSummary: Codable, Sendable, Equatable {
    /// How many user IDs `ALLOWED_USER_IDS` holds.
    public var size: Int
    public var source: AllowlistSource

    public init(size: Int, source: AllowlistSource) {
        self.size = size
        self.source = source
    }

    enum CodingKeys: String, CodingKey {
        case size
        case source
    }
}
