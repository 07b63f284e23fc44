/// Launching a job's processes, counting them and killing them all: the one seam between the job engine and the
/// operating system. `ClaudeRunner` launches through it and `JobControl` kills through it.
///
/// `HostProcessSupervisor` runs a job as the daemon's own descendants and finds its processes by scanning `/proc`;
/// a sandboxed supervisor is a second implementation of the same three calls.
protocol ProcessSupervisor: Sendable {
    /// Starts a job's root process (`claude`) tagged `tag`, which should be unique among jobs.
    /// - Throws: `SupervisorError` if it cannot be started.
    func launch(_ request: LaunchRequest, tag: String) throws(SupervisorError) -> JobProcessTree

    /// How many processes the job has right now; cheap enough to call every second for every job.
    func processCount(of job: JobProcessTree) async -> Int

    /// Kills every process of the job and waits for its root to be reaped; when it returns, none is left. Also
    /// the sweep after claude exits on its own: whatever it left running (a background command) dies with it.
    func kill(_ job: JobProcessTree) async -> KillReport

    /// Kills what finished jobs left behind that no live job owns (at shutdown, after every job was killed).
    func sweepOrphans() async
}

extension ProcessSupervisor {
    func sweepOrphans() async {}
}
