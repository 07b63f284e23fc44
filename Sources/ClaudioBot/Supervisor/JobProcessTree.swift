import Glibc

/// The processes of one job, found from the job itself, and the memory of every process seen in it.
///
/// A member is a live (non-zombie) process that descends from the job's root, or was seen as a member by an earlier
/// `refresh()`, or is an orphan the daemon inherited (`InheritedOrphans`) that carries `CLAUDIO_JOB_ID=<tag>` — or
/// descends from any of those. Descendants are walked through the kernel's `children` lists, so a refresh reads a
/// few small files per member of the job and nothing of the rest of the host. In the sandbox, the walk from
/// bubblewrap is the job's PID namespace: an orphan inside it is reparented to the namespace's init, never out.
///
/// The memory, keyed by `(pid, starttime)` so a reused PID is never adopted, is what still finds a double-forked
/// daemon that scrubbed its environment after it was reparented to the daemon (the subreaper), so refresh often
/// (the job's process count does, every second).
actor JobProcessTree {
    /// The process the job started (`claude`, or bubblewrap around it).
    nonisolated let root: LaunchedProcess
    nonisolated let tag: String?
    private let source: any ProcessSource
    private let orphans: InheritedOrphans?
    private var remembered: Set<ProcessIdentity> = []
    private var killUnderWay: Task<KillReport, Never>?

    /// - Parameters:
    ///   - source: where processes are read (`/proc`).
    ///   - orphans: the daemon's inherited orphans, where a job's reparented processes go; by default those of the
    ///     reaper that started `root`.
    init(root: LaunchedProcess, source: any ProcessSource = ProcFileSystem(), orphans: InheritedOrphans? = nil) {
        self.root = root
        self.tag = root.jobTag
        self.source = source
        self.orphans = orphans ?? root.inheritedOrphans
        if let identity = root.identity { remembered.insert(identity) }
    }

    /// Finds the live members now, remembering them for later refreshes.
    @discardableResult
    func refresh() -> [ProcStat] {
        var seeds = Array(remembered)
        if let orphans, let tag {
            for orphan in orphans.list() where orphan.tag == tag { seeds.append(orphan.stat.identity) }
        }
        let members = Self.members(from: seeds, in: source, excluding: getpid())
        remembered = Set(members.map(\.identity))
        return members
    }

    /// The members the latest refresh or count found, without looking again: a job's page samples these, so showing
    /// it never searches for processes.
    var lastSeenMembers: Set<ProcessIdentity> { remembered }

    /// Runs `kill` unless a kill of this job is already under way, and then waits for that one and returns its report
    /// instead. A kill from the chat or the operator and the job's own clean-up once claude exits can come together;
    /// two killers racing each other would each count only the processes it signalled before the other.
    func killOnce(_ kill: @escaping @Sendable () async -> KillReport) async -> KillReport {
        if let killUnderWay { return await killUnderWay.value }
        let task = Task { await kill() }
        killUnderWay = task
        let report = await task.value
        // Callers that came meanwhile joined this kill; one that comes after it looks again.
        killUnderWay = nil
        return report
    }

    /// How many processes the job has right now (the admin API's "processes" column).
    func liveMemberCount() -> Int {
        refresh().count
    }

    /// The live processes at or below `seeds`, read from `source`.
    /// - Parameters:
    ///   - seeds: processes known to belong; one counts only while its PID still has that start time.
    ///   - excluded: a PID never to count or walk (the daemon itself).
    static func members(from seeds: [ProcessIdentity], in source: some ProcessSource, excluding excluded: pid_t)
        -> [ProcStat]
    {
        var found: [pid_t: ProcStat] = [:]
        var pending: [ProcStat] = []
        for seed in seeds where seed.pid != excluded {
            if let stat = source.stat(of: seed.pid), stat.startTime == seed.startTime { pending.append(stat) }
        }
        while let stat = pending.popLast() {
            guard found[stat.pid] == nil else { continue }
            found[stat.pid] = stat
            for child in source.children(of: stat) where child != excluded && found[child] == nil {
                // A child that exited between the two reads may have had its PID handed to a stranger: it counts
                // only while its parent is still the process that listed it.
                if let childStat = source.stat(of: child), childStat.parentPID == stat.pid { pending.append(childStat) }
            }
        }
        return found.values.filter(\.isLive).sorted { $0.pid < $1.pid }
    }
}
