import Foundation

/// One queued or running job in `GET /v1/jobs` (SPEC §6). Its origin's fields read as its own (`job.userID`).
@dynamicMemberLookup
public struct JobInfo: Codable, Sendable, Equatable {
    /// Who asked what, where; `id` is the argument of `POST /v1/jobs/{id}/kill`.
    public var origin: JobOrigin
    public var state: JobRunState
    /// The claude process; nil while queued.
    public var pid: Int?
    /// When the job started running; when it was queued, for a queued job.
    public var startedAt: Date
    /// Seconds since `startedAt`.
    public var elapsedSeconds: Double
    /// How many processes the job's tree holds (claude and every tool it started).
    public var processes: Int
    /// Whether the job runs (or will run) in the sandbox.
    public var sandboxed: Bool
    /// The CPU share of the job's processes, summed (SPEC §17); nil while queued and until a process was sampled twice.
    public var cpuPercent: Double?
    /// The resident memory of the job's processes, summed; nil while queued and before the first sample.
    public var rssBytes: Int?

    public init(
        origin: JobOrigin, state: JobRunState, pid: Int? = nil, startedAt: Date, elapsedSeconds: Double, processes: Int,
        sandboxed: Bool = false, cpuPercent: Double? = nil, rssBytes: Int? = nil
    ) {
        self.origin = origin
        self.state = state
        self.pid = pid
        self.startedAt = startedAt
        self.elapsedSeconds = elapsedSeconds
        self.processes = processes
        self.sandboxed = sandboxed
        self.cpuPercent = cpuPercent
        self.rssBytes = rssBytes
    }

    public subscript<Value>(dynamicMember keyPath: KeyPath<JobOrigin, Value>) -> Value {
        origin[keyPath: keyPath]
    }

    enum CodingKeys: String, CodingKey {
        case state
        case pid
        case startedAt = "started_at"
        case elapsedSeconds = "elapsed_seconds"
        case processes
        case sandboxed
        case cpuPercent = "cpu_percent"
        case rssBytes = "rss_bytes"
    }

    public init(from decoder: any Decoder) throws {
        origin = try JobOrigin(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        state = try container.decode(JobRunState.self, forKey: .state)
        pid = try container.decodeIfPresent(Int.self, forKey: .pid)
        startedAt = try container.decode(Date.self, forKey: .startedAt)
        elapsedSeconds = try container.decode(Double.self, forKey: .elapsedSeconds)
        processes = try container.decode(Int.self, forKey: .processes)
        sandboxed = try container.decode(Bool.self, forKey: .sandboxed)
        // An older daemon does not sample its jobs' processes.
        cpuPercent = try container.decodeIfPresent(Double.self, forKey: .cpuPercent)
        rssBytes = try container.decodeIfPresent(Int.self, forKey: .rssBytes)
    }

    public func encode(to encoder: any Encoder) throws {
        try origin.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(state, forKey: .state)
        try container.encode(pid, forKey: .pid)
        try container.encode(startedAt, forKey: .startedAt)
        try container.encode(elapsedSeconds, forKey: .elapsedSeconds)
        try container.encode(processes, forKey: .processes)
        try container.encode(sandboxed, forKey: .sandboxed)
        try container.encode(cpuPercent, forKey: .cpuPercent)
        try container.encode(rssBytes, forKey: .rssBytes)
    }
}
