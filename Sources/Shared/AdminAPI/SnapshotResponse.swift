/// `GET /v1/snapshot`: what the console polls, in one answer.
///
/// `jobs`, `rate_limits` and `denied` are the arrays of the matching endpoints (not their wrapping objects);
/// `rate_limits` holds the ``rateLimitRowLimit`` most used rows and `rate_limits_total` how many there are in all
/// (`GET /v1/rate-limits` lists every one); `denied` holds the default number of records
/// (``DeniedResponse/defaultLimit``). Capped, the answer stays small and quick however many users are active.
public struct SnapshotResponse: Codable, Sendable, Equatable {
    public var status: StatusResponse
    public var jobs: [JobInfo]
    public var rateLimits: [RateLimitInfo]
    /// Users with prompts in the window, including those beyond `rateLimits`.
    public var rateLimitsTotal: Int
    public var denied: [DeniedRecord]
    /// Tool requests waiting for an answer (SPEC §13), oldest first.
    public var approvals: [ApprovalInfo]

    /// Rows of `rate_limits` a snapshot carries at most.
    public static let rateLimitRowLimit = 100

    /// - Parameter rateLimitsTotal: defaults to the number of `rateLimits` rows.
    public init(
        status: StatusResponse, jobs: [JobInfo], rateLimits: [RateLimitInfo], rateLimitsTotal: Int? = nil,
        denied: [DeniedRecord], approvals: [ApprovalInfo] = []
    ) {
        self.status = status
        self.jobs = jobs
        self.rateLimits = rateLimits
        self.rateLimitsTotal = rateLimitsTotal ?? rateLimits.count
        self.denied = denied
        self.approvals = approvals
    }

    /// Accepts answers without `rate_limits_total` or `approvals` (daemons before they existed): the rows are then all
    /// there is, and nothing waits.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        status = try container.decode(StatusResponse.self, forKey: .status)
        jobs = try container.decode([JobInfo].self, forKey: .jobs)
        rateLimits = try container.decode([RateLimitInfo].self, forKey: .rateLimits)
        rateLimitsTotal = try container.decodeIfPresent(Int.self, forKey: .rateLimitsTotal) ?? rateLimits.count
        denied = try container.decode([DeniedRecord].self, forKey: .denied)
        approvals = try container.decodeIfPresent([ApprovalInfo].self, forKey: .approvals) ?? []
    }

    enum CodingKeys: String, CodingKey {
        case status
        case jobs
        case rateLimits = "rate_limits"
        case rateLimitsTotal = "rate_limits_total"
        case denied
        case approvals
    }
}
