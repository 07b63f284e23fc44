/// The names `GET /metrics` exposes (SPEC §16); operators' dashboards and alert rules depend on them.
enum MetricName {
    /// Gauge, `state` = queued / running.
    static let jobs = "claudio_jobs"
    /// Counter, `platform`, `outcome`.
    static let jobsFinished = "claudio_jobs_finished_total"
    /// Histogram of how long finished jobs ran, in seconds.
    static let jobDuration = "claudio_job_duration_seconds"
    /// Gauge: seconds the longest-running job has run so far (0 when none runs), for a "stuck job" alert.
    static let longestRunningJob = "claudio_job_longest_running_seconds"
    /// Gauge: `COMMAND_TIMEOUT`, so an alert can compare a job's age with it.
    static let jobTimeout = "claudio_job_timeout_seconds"
    /// Counter, `platform`, `reason` (the denied-access record's reason).
    static let denied = "claudio_denied_total"
    /// Counter, `platform`.
    static let rateLimited = "claudio_rate_limited_total"
    /// Counter, `decision` (see `ApprovalDecisionKind`).
    static let approvals = "claudio_approvals_total"
    /// Counter: what claude reported every run cost, in US dollars.
    static let cost = "claudio_cost_usd_total"
    /// Counter, `channel`, `kind` (see `ChannelErrorKind`).
    static let channelErrors = "claudio_channel_errors_total"
    /// Gauge: 1 while the daemon serves.
    static let up = "claudio_up"
}
