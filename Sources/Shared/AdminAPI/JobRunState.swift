/// Where a job is in its life, as `GET /v1/jobs` reports it.
public enum JobRunState: String, Codable, Sendable, Hashable, CaseIterable {
    /// Waiting behind its chat's running job or for a free slot (`MAX_CONCURRENT_JOBS`).
    case queued
    /// Its claude process is running.
    case running
    /// Running, and Claude waits for someone to answer a tool request (SPEC §13).
    case waitingApproval = "waiting_approval"

    /// Whether claude has started (running, possibly waiting for an answer).
    public var isRunning: Bool { self != .queued }
}
