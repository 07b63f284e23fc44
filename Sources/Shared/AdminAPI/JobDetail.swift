import Foundation

/// `GET /v1/jobs/{id}` (SPEC §17): the job's row with the whole prompt, its deadline, its process tree and its
/// latest activity. The row's keys are encoded beside the detail's own, so the JSON stays flat.
@dynamicMemberLookup
public struct JobDetail: Codable, Sendable, Equatable {
    /// The same row `GET /v1/jobs` lists; its `processes` is the live count.
    public var job: JobInfo
    public var prompt: String
    /// When `COMMAND_TIMEOUT` kills the job; nil while it is queued.
    public var timeoutAt: Date?
    /// What claude reported the run cost; claude reports it with its result, so nil while it works.
    public var costUSD: Double?
    /// Every process of the job, in PID order.
    public var tree: [JobProcessInfo]
    /// The last events (at most 20), oldest first.
    public var activity: [JobActivityInfo]

    public init(
        job: JobInfo, prompt: String, timeoutAt: Date?, costUSD: Double? = nil, tree: [JobProcessInfo],
        activity: [JobActivityInfo]
    ) {
        self.job = job
        self.prompt = prompt
        self.timeoutAt = timeoutAt
        self.costUSD = costUSD
        self.tree = tree
        self.activity = activity
    }

    public subscript<Value>(dynamicMember keyPath: KeyPath<JobInfo, Value>) -> Value {
        job[keyPath: keyPath]
    }

    enum CodingKeys: String, CodingKey {
        case prompt
        case timeoutAt = "timeout_at"
        case costUSD = "cost_usd"
        case tree
        case activity
    }

    public init(from decoder: any Decoder) throws {
        job = try JobInfo(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        prompt = try container.decode(String.self, forKey: .prompt)
        timeoutAt = try container.decodeIfPresent(Date.self, forKey: .timeoutAt)
        costUSD = try container.decodeIfPresent(Double.self, forKey: .costUSD)
        tree = try container.decode([JobProcessInfo].self, forKey: .tree)
        activity = try container.decode([JobActivityInfo].self, forKey: .activity)
    }

    public func encode(to encoder: any Encoder) throws {
        try job.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(prompt, forKey: .prompt)
        try container.encode(timeoutAt, forKey: .timeoutAt)
        try container.encode(costUSD, forKey: .costUSD)
        try container.encode(tree, forKey: .tree)
        try container.encode(activity, forKey: .activity)
    }
}
