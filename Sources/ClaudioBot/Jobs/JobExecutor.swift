import Shared

/// Runs one job to its end: the seam between scheduling and claude, so the scheduler is tested without processes.
protocol JobExecutor: Sendable {
    /// Runs the job and delivers its answer; returns when the job's processes are gone.
    func execute(_ job: Job) async -> JobOutcomeKind
    /// A queued job that will never run (cancelled, killed by the administrator, or shutdown): tell its chat.
    func discard(_ job: Job, reason: KillReason) async
}
