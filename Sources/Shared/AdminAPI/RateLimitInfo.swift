/// One user with prompts inside the current rate-limit window, in `GET /v1/rate-limits` (SPEC §6).
public struct RateLimitInfo: Codable, Sendable, Equatable {
    public var platform: Platform
    public var userID: String
    /// The last username the user was seen with.
    public var username: String?
    /// Prompts counted in the current window.
    public var used: Int
    /// `RATE_LIMIT_REQUESTS`.
    public var limit: Int
    /// `RATE_LIMIT_WINDOW`, in seconds.
    public var windowSeconds: Double
    /// Whole seconds (rounded up) until `used` next drops.
    public var resetInSeconds: Int
    /// Prompts rejected since the user's window was last empty.
    public var rejected: Int

    public init(
        platform: Platform, userID: String, username: String? = nil, used: Int, limit: Int, windowSeconds: Double,
        resetInSeconds: Int, rejected: Int
    ) {
        self.platform = platform
        self.userID = userID
        self.username = username
        self.used = used
        self.limit = limit
        self.windowSeconds = windowSeconds
        self.resetInSeconds = resetInSeconds
        self.rejected = rejected
    }

    enum CodingKeys: String, CodingKey {
        case platform
        case userID = "user_id"
        case username
        case used
        case limit
        case windowSeconds = "window_seconds"
        case resetInSeconds = "reset_in_seconds"
        case rejected
    }

    // Written by hand so a missing value is an explicit `null`: every key of SPEC §6 is always present.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(platform, forKey: .platform)
        try container.encode(userID, forKey: .userID)
        try container.encode(username, forKey: .username)
        try container.encode(used, forKey: .used)
        try container.encode(limit, forKey: .limit)
        try container.encode(windowSeconds, forKey: .windowSeconds)
        try container.encode(resetInSeconds, forKey: .resetInSeconds)
        try container.encode(rejected, forKey: .rejected)
    }
}
