import Foundation

/// One finished job in `GET /v1/history` (SPEC §16): who asked, where, when, how it ended, what it cost and which
/// tools it used. Its origin's fields read as its own (`entry.userID`); `id` is the job's ID from `GET /v1/jobs`.
@dynamicMemberLookup
public struct JobHistoryEntry: Codable, Sendable, Equatable, Identifiable {
    public var origin: JobOrigin
    /// When claude started; when the job was queued, for a job that ended before it ran.
    public var startedAt: Date
    public var endedAt: Date
    public var outcome: JobOutcomeKind
    /// The claude process's exit code; nil when it never exited on its own (killed by a signal, never started).
    public var exitCode: Int32?
    /// What claude reported the run cost; nil when it reported nothing (e.g. it was killed first).
    public var costUSD: Double?
    /// The tools claude called, each once, in the order it first called them.
    public var toolsUsed: [String]

    public var id: String { origin.id }

    /// Seconds from `startedAt` to `endedAt`.
    public var durationSeconds: Double { max(0, endedAt.timeIntervalSince(startedAt)) }

    public init(
        origin: JobOrigin, startedAt: Date, endedAt: Date, outcome: JobOutcomeKind, exitCode: Int32? = nil,
        costUSD: Double? = nil, toolsUsed: [String] = []
    ) {
        self.origin = origin
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.outcome = outcome
        self.exitCode = exitCode
        self.costUSD = costUSD
        self.toolsUsed = toolsUsed
    }

    public subscript<Value>(dynamicMember keyPath: KeyPath<JobOrigin, Value>) -> Value {
        origin[keyPath: keyPath]
    }

    enum CodingKeys: String, CodingKey {
        case startedAt = "started_at"
        case endedAt = "ended_at"
        case durationSeconds = "duration_seconds"
        case outcome
        case exitCode = "exit_code"
        case costUSD = "cost_usd"
        case toolsUsed = "tools_used"
    }

    /// `duration_seconds` is derived from the two times, so it is not read back.
    public init(from decoder: any Decoder) throws {
        origin = try JobOrigin(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        startedAt = try container.decode(Date.self, forKey: .startedAt)
        endedAt = try container.decode(Date.self, forKey: .endedAt)
        outcome = try container.decode(JobOutcomeKind.self, forKey: .outcome)
        exitCode = try container.decodeIfPresent(Int32.self, forKey: .exitCode)
        costUSD = try container.decodeIfPresent(Double.self, forKey: .costUSD)
        toolsUsed = try container.decodeIfPresent([String].self, forKey: .toolsUsed) ?? []
    }

    // Written by hand so a missing value is an explicit `null`: every key of SPEC §16 is always present.
    public func encode(to encoder: any Encoder) throws {
        try origin.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(startedAt, forKey: .startedAt)
        try container.encode(endedAt, forKey: .endedAt)
        try container.encode(durationSeconds, forKey: .durationSeconds)
        try container.encode(outcome, forKey: .outcome)
        try container.encode(exitCode, forKey: .exitCode)
        try container.encode(costUSD, forKey: .costUSD)
        try container.encode(toolsUsed, forKey: .toolsUsed)
    }
}
