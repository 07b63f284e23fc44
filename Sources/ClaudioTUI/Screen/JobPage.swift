import Shared

/// A job's page open over the panels (SPEC §17): which job, what the daemon last said of it, and how far it is
/// scrolled. The console follows the job until the daemon no longer knows it, then shows how it ended.
public struct JobPage: Sendable, Equatable {
    public let jobID: String
    /// The latest `GET /v1/jobs/{id}`; nil until the first answer.
    public var detail: JobDetail?
    /// The daemon answered 404: the job has ended (its History row says how).
    public var ended = false
    /// The first body line shown when the page is longer than the screen.
    public var offset = 0

    public init(jobID: String) {
        self.jobID = jobID
    }
}
