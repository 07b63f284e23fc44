import Foundation

/// One finished job (SPEC §10): who asked, where, when, and how it ended. The daemon stores it (its coding keys are
/// the columns of `job_history`) and serves it. Its origin's fields read as its own (`entry.userID`).
@dynamicMemberLookup
public struct JobHistoryEntry: Codable, Sendable, Equatable, Identifiable {
    public var origin: JobOrigin
    public var startedAt: Date
    public var endedAt: Date
    public var outcome: JobOutcomeKind
    /// The claude process's exit code; nil when it never exited on its own (killed by a signal, never started).
    public var exitCode: Int32?
    /// What claude reported the run cost; nil when it reported nothing (e.g. it was killed first).
    public var costUSD: Double?

    public var id: String { origin.id }

    public init(
        origin: JobOrigin, startedAt: Date, endedAt: Date, outcome: JobOutcomeKind, exitCode: Int32? = nil,
        costUSD: Double? = nil
    ) {
        self.origin = origin
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.outcome = outcome
        self.exitCode = exitCode
        self.costUSD = costUSD
    }

    public subscript<Value>(dynamicMember keyPath: KeyPath<JobOrigin, Value>) -> Value {
        origin[keyPath: keyPath]
    }

    enum CodingKeys: String, CodingKey {
        case startedAt = "started_at"
        case endedAt = "ended_at"
        case outcome
        case exitCode = "exit_code"
        case costUSD = "cost_usd"
    }

    public init(from decoder: any Decoder) throws {
        origin = try JobOrigin(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        startedAt = try container.decode(Date.self, forKey: .startedAt)
        endedAt = try container.decode(Date.self, forKey: .endedAt)
        outcome = try container.decode(JobOutcomeKind.self, forKey: .outcome)
        exitCode = try container.decodeIfPresent(Int32.self, forKey: .exitCode)
        costUSD = try container.decodeIfPresent(Double.self, forKey: .costUSD)
    }

    public func encode(to encoder: any Encoder) throws {
        try origin.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(startedAt, forKey: .startedAt)
        try container.encode(endedAt, forKey: .endedAt)
        try container.encode(outcome, forKey: .outcome)
        try container.encode(exitCode, forKey: .exitCode)
        try container.encode(costUSD, forKey: .costUSD)
    }
}
