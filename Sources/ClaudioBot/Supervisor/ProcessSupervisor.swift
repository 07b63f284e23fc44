import Glibc

/// Starts job processes and stops them — each job's whole process tree.
///
/// How a job's processes are found and killed: Claude's Bash tool starts each command in a new
/// session (`setsid`), so neither `claude`'s process group nor its session bounds a job. A cgroup v2
/// per job (`cgroup.kill`) would, but it needs a delegated cgroup subtree, which an ordinary
/// operator does not get on a cgroup v1/v2 hybrid host. Instead:
/// - the daemon is a child subreaper (`PR_SET_CHILD_SUBREAPER`, unprivileged since Linux 3.4), so a
///   job's orphans are reparented to it rather than to init, and one reaper thread collects them
///   (`ChildReaper`);
/// - every job process starts with `CLAUDIO_JOB_ID=<tag>`, which descendants inherit;
/// - a `/proc` scan takes as members the root's descendants, tagged processes, and processes seen as
///   members before (`(pid, starttime)`, for a reparented daemon that scrubbed its environment), with
///   their descendants (`JobProcessTree`);
/// - a kill is SIGTERM (root first), a grace period, then SIGKILL rounds with a rescan each, until
///   no member is live (`ProcessTreeKiller`).
/// The blind spot: a process that double-forks *and* scrubs its environment before any scan sees it.
/// `memberCount(of:)` refreshes the memory, so the admin API's polling narrows that window.
struct ProcessSupervisor: Sendable {
    let launcher: ProcessLauncher
    var killer: ProcessTreeKiller

    /// - Parameters:
    ///   - reaper: the process's one `ChildReaper`.
    ///   - killer: the kill policy (grace period and polling).
    init(reaper: ChildReaper, killer: ProcessTreeKiller = ProcessTreeKiller()) {
        self.launcher = ProcessLauncher(reaper: reaper)
        self.killer = killer
    }

    /// Starts a job's root process (`claude`) tagged with `tag`, which should be unique among jobs.
    /// - Throws: `SupervisorError` if it cannot be started.
    func startJob(_ request: LaunchRequest, tag: String) throws(SupervisorError) -> JobProcessTree {
        var request = request
        request.jobTag = tag
        return JobProcessTree(root: try launcher.launch(request))
    }

    /// How many processes the job has right now; also refreshes the tree's memory of its members.
    func memberCount(of job: JobProcessTree) async -> Int {
        await job.liveMemberCount()
    }

    /// Kills every process of the job and waits for its root to be reaped.
    func kill(_ job: JobProcessTree) async -> KillReport {
        await killer.kill(job)
    }

    /// A probe for short commands such as `claude --version`, killed with this supervisor's policy.
    func probe(timeout: Duration = .seconds(5)) -> CommandProbe {
        CommandProbe(launcher: launcher, killer: killer, timeout: timeout)
    }
}
