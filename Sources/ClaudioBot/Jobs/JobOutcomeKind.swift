/// The outcome column of the job history (SPEC §10).
enum JobOutcomeKind: String, Sendable, Codable {
    case ok
    case error
    case timeout
    case killed
    case cancelled
    case interrupted
}
