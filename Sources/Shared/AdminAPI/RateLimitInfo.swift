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
    /// What the user's claude runs cost today (UTC), in US dollars (SPEC §16).
    public var costTodayUSD: Double

    public init(
        platform: Platform, userID: String, username: String? = nil, used: Int, limit: Int, windowSeconds: Double,
        resetInSeconds: Int, rejected: Int, costTodayUSD: Double = 0
    ) {
        self.platform = platform
        self.userID = userID
        self.username = username
        self.used = used
        self.limit = limit
        self.windowSeconds = windowSeconds
        self.resetInSeconds = resetInSeconds
        self.rejected = rejected
        self.costTodayUSD = costTodayUSD
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
        case costTodayUSD = "cost_today_usd"
    }

    /// Accepts rows without `cost_today_usd` (daemons before it existed): the cost then reads 0.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        platform = try container.decode(Platform.self, forKey: .platform)
        userID = try container.decode(String.self, forKey: .userID)
        username = try container.decodeIfPresent(String.self, forKey: .username)
        used = try container.decode(Int.self, forKey: .used)
        limit = try container.decode(Int.self, forKey: .limit)
        windowSeconds = try container.decode(Double.self, forKey: .windowSeconds)
        resetInSeconds = try container.decode(Int.self, forKey: .resetInSeconds)
        rejected = try container.decode(Int.self, forKey: .rejected)
        costTodayUSD = try container.decodeIfPresent(Double.self, forKey: .costTodayUSD) ?? 0
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
        try container.encode(costTodayUSD, forKey: .costTodayUSD)
    }
}
