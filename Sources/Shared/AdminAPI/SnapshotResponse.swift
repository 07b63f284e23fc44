/// `GET /v1/snapshot`: what the console polls, in one answer.
///
/// `jobs`, `rate_limits` and `denied` are the arrays of the matching endpoints (not their wrapping objects);
/// `rate_limits` holds the ``rateLimitRowLimit`` most used rows and `rate_limits_total` how many there are in all
/// (`GET /v1/rate-limits` lists every one); `denied` holds the default number of records
/// (``DeniedResponse/defaultLimit``); `history` the last ``historyRowLimit`` finished jobs, newest first (the daemon
/// keeps them in memory, so a poll never reads the database). Capped, the answer stays small and quick however many
/// users are active.
public struct SnapshotResponse: Codable, Sendable, Equatable {
    public var status: StatusResponse
    public var jobs: [JobInfo]
    public var rateLimits: [RateLimitInfo]
    /// Users with prompts in the window, including those beyond `rateLimits`.
    public var rateLimitsTotal: Int
    public var denied: [DeniedRecord]
    /// Tool requests waiting for an answer (SPEC §13), oldest first.
    public var approvals: [ApprovalInfo]
    /// The most recently finished jobs, newest first (SPEC §17's History panel).
    public var history: [JobHistoryEntry]

    /// Rows of `rate_limits` a snapshot carries at most.
    public static let rateLimitRowLimit = 100
    /// Rows of `history` a snapshot carries at most.
    public static let historyRowLimit = 50

    /// - Parameter rateLimitsTotal: defaults to the number of `rateLimits` rows.
    public init(
        status: StatusResponse, jobs: [JobInfo], rateLimits: [RateLimitInfo], rateLimitsTotal: Int? = nil,
        denied: [DeniedRecord], approvals: [ApprovalInfo] = [], history: [JobHistoryEntry] = []
    ) {
        self.status = status
        self.jobs = jobs
        self.rateLimits = rateLimits
        self.rateLimitsTotal = rateLimitsTotal ?? rateLimits.count
        self.denied = denied
        self.approvals = approvals
        self.history = history
    }

    /// Accepts answers without `rate_limits_total`, `approvals` or `history` (daemons before they existed): the
    /// rate-limit rows are then all there is, nothing waits and the history is empty.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        status = try container.decode(StatusResponse.self, forKey: .status)
        jobs = try container.decode([JobInfo].self, forKey: .jobs)
        rateLimits = try container.decode([RateLimitInfo].self, forKey: .rateLimits)
        rateLimitsTotal = try container.decodeIfPresent(Int.self, forKey: .rateLimitsTotal) ?? rateLimits.count
        denied = try container.decode([DeniedRecord].self, forKey: .denied)
        approvals = try container.decodeIfPresent([ApprovalInfo].self, forKey: .approvals) ?? []
        history = try container.decodeIfPresent([JobHistoryEntry].self, forKey: .history) ?? []
    }

    enum CodingKeys: String, CodingKey {
        case status
        case jobs
        case rateLimits = "rate_limits"
        case rateLimitsTotal = "rate_limits_total"
        case denied
        case approvals
        case history
    }
}
