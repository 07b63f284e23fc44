/// `GET /v1/rate-limits`: the users with requests in the current window.
public struct RateLimitsResponse: Codable, Sendable, Equatable {
    public var rateLimits: [RateLimitInfo]

    public init(rateLimits: [RateLimitInfo]) {
        self.rateLimits = rateLimits
    }

    enum CodingKeys: String, CodingKey {
        case rateLimits = "rate_limits"
    }
}
