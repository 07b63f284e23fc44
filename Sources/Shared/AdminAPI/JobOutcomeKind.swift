/// How a job ended (SPEC §10): the outcome column of the job history and of `GET /v1/history`.
public enum JobOutcomeKind: String, Sendable, Codable, CaseIterable {
    case ok
    case error
    case timeout
    case killed
    case cancelled
    case interrupted
}
