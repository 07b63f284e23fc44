/// Where a job is in its life, as `GET /v1/jobs` reports it.
public enum JobRunState: String, Codable, Sendable, Hashable, CaseIterable {
    /// Waiting behind its chat's running job or for a free slot (`MAX_CONCURRENT_JOBS`).
    case queued
    /// Its claude process is running.
    case running
}
