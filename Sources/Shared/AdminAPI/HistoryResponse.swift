/// `GET /v1/history?limit=N`: finished jobs, the most recently ended first (SPEC §16).
public struct HistoryResponse: Codable, Sendable, Equatable {
    /// The default of `limit` when the query omits it.
    public static let defaultLimit = 50
    /// The accepted values of `limit`.
    public static let limitRange = 1...1000

    public var jobs: [JobHistoryEntry]

    public init(jobs: [JobHistoryEntry]) {
        self.jobs = jobs
    }

    enum CodingKeys: String, CodingKey {
        case jobs
    }
}
