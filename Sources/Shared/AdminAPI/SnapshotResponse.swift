/// `GET /v1/snapshot`: what the console polls, in one answer.
///
/// `jobs`, `rate_limits` and `denied` are the arrays of the matching endpoints (not their wrapping objects);
/// `denied` holds the default number of records (``DeniedResponse/defaultLimit``).
public struct SnapshotResponse: Codable, Sendable, Equatable {
    public var status: StatusResponse
    public var jobs: [JobInfo]
    public var rateLimits: [RateLimitInfo]
    public var denied: [DeniedInfo]

    public init(status: StatusResponse, jobs: [JobInfo], rateLimits: [RateLimitInfo], denied: [DeniedInfo]) {
        self.status = status
        self.jobs = jobs
        self.rateLimits = rateLimits
        self.denied = denied
    }

    enum CodingKeys: String, CodingKey {
        case status
        case jobs
        case rateLimits = "rate_limits"
        case denied
    }
}
