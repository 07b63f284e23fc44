/// Runs jobs as the daemon's own descendants and finds their processes from each job, never from the whole host.
///
/// Claude's Bash tool starts each command in a new session (`setsid`), so neither `claude`'s process group nor its
/// session bounds a job. A cgroup v2 per job (`cgroup.kill`) would, but it needs a delegated cgroup subtree, which an
/// ordinary operator does not get. Instead:
/// - the daemon is a child subreaper (`PR_SET_CHILD_SUBREAPER`), so a job's orphans are reparented to it rather
///   than to init, and one reaper thread collects them (`ChildReaper`, used by `ProcessLauncher`);
/// - every job process starts with `CLAUDIO_JOB_ID=<tag>`, which descendants inherit;
/// - a job's members are the root's descendants, processes seen as members before (`(pid, starttime)`, for a
///   reparented daemon that scrubbed its environment) and the daemon's inherited orphans that carry the job's tag,
///   with their descendants, walked through the kernel's `children` lists (`JobProcessTree`): the cost follows the
///   job's size, not the number of processes on the host;
/// - a kill is SIGTERM (root first), a grace period, then SIGKILL rounds with a rescan each, until no member is
///   live (`ProcessTreeKiller`).
/// The blind spot: a process that double-forks *and* scrubs its environment before any refresh sees it; the
/// periodic count narrows that window, and the orphan sweep kills it once its job has ended.
struct HostProcessSupervisor<C: Clock<Duration>>: ProcessSupervisor {
    let launcher: ProcessLauncher
    let killer: ProcessTreeKiller<C>
    /// The daemon's: kills unowned orphans when a job ends and at shutdown. Nil where the process is shared with
    /// other users of the reaper (tests), whose orphans are not this supervisor's to kill.
    let orphans: OrphanSweeper?

    /// - Parameters:
    ///   - launcher: starts processes; owns the daemon's one `ChildReaper`.
    ///   - killer: the kill policy (grace period and polling).
    ///   - orphans: sweeps orphans no live job owns, if this supervisor is the only one in the process.
    init(
        launcher: ProcessLauncher, killer: ProcessTreeKiller<C>, orphans: OrphanSweeper? = nil
    ) {
        self.launcher = launcher
        self.killer = killer
        self.orphans = orphans
    }

    func launch(_ request: LaunchRequest, tag: String) throws(SupervisorError) -> JobProcessTree {
        var request = request
        request.jobTag = tag
        let job = JobProcessTree(root: try launcher.launch(request))
        orphans?.track(job)
        return job
    }

    func processCount(of job: JobProcessTree) async -> Int {
        await job.liveMemberCount()
    }

    func kill(_ job: JobProcessTree) async -> KillReport {
        await job.killOnce { [killer, orphans] in
            var report = await killer.kill(job)
            if let orphans {
                orphans.forget(job)
                report.killedCount += await orphans.sweep()
            }
            return report
        }
    }

    func sweepOrphans() async {
        await orphans?.sweep()
    }
}

extension HostProcessSupervisor where C == ContinuousClock {
    /// The daemon's supervisor: a 2 s grace period.
    init(launcher: ProcessLauncher, grace: Duration = .seconds(2), sweepingOrphans: Bool = false) {
        self.init(
            launcher: launcher, killer: ProcessTreeKiller(grace: grace),
            orphans: sweepingOrphans ? OrphanSweeper(reaper: launcher.reaper) : nil)
    }
}
