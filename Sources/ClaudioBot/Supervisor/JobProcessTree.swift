import Glibc

/// The processes of one job, found by scanning `/proc`, and the memory of every process ever seen
/// in it.
///
/// A member is a live (non-zombie) process that descends from the job's root, or carries
/// `CLAUDIO_JOB_ID=<tag>` in its environment, or was seen as a member by an earlier `refresh()` —
/// or descends from any of those. The memory, keyed by `(pid, starttime)` so a reused PID is never
/// adopted, is what still finds a double-forked daemon that scrubbed its environment after it was
/// reparented to the daemon (the subreaper), so refresh often (the admin process count does).
actor JobProcessTree {
    /// The process the job started (`claude`).
    nonisolated let root: LaunchedProcess
    nonisolated let tag: String?
    private var remembered: Set<ProcessIdentity> = []

    init(root: LaunchedProcess) {
        self.root = root
        self.tag = root.jobTag
        if let identity = root.identity { remembered.insert(identity) }
    }

    /// Scans `/proc` and returns the live members, remembering them for later scans.
    @discardableResult
    func refresh() -> [ProcStat] {
        let entry = tag.map { "\(ProcessLauncher.jobTagVariable)=\($0)" }
        return adoptMembers(of: ProcessTable.scan()) { pid in
            entry.map { ProcessTable.environment(of: pid, contains: $0) } ?? false
        }
    }

    /// The members the latest refresh or count found, without looking again: a job's page samples these, so showing
    /// it never searches for processes.
    var lastSeenMembers: Set<ProcessIdentity> { remembered }

    /// How many processes the job has right now (the admin API's "processes" column).
    func liveMemberCount() -> Int {
        refresh().count
    }

    /// How many processes the job has according to `census` (at most its `maxAge` old), remembering them as
    /// `refresh()` does: the periodic count of every running job shares one scan.
    func liveMemberCount<C>(census: ProcessCensus<C>) async -> Int {
        let snapshot = await census.snapshot()
        return adoptMembers(of: snapshot.table) { pid in tag != nil && snapshot.tags[pid] == tag }.count
    }

    /// The live members in `table`, which become the remembered ones for later scans.
    private func adoptMembers(of table: ProcessTable, isTagged: (pid_t) -> Bool) -> [ProcStat] {
        let members = Self.members(in: table, remembered: remembered, excluding: getpid(), isTagged: isTagged)
        remembered = Set(members.map(\.identity))
        return members
    }

    /// Membership over one snapshot, without touching `/proc` beyond `isTagged`.
    /// - Parameters:
    ///   - remembered: identities seen before; one counts only while its PID still has that start time.
    ///   - excluded: a PID never to count (the daemon itself).
    ///   - isTagged: whether a process's environment carries the job's tag.
    static func members(in table: ProcessTable, remembered: Set<ProcessIdentity>, excluding excluded: pid_t,
                        isTagged: (pid_t) -> Bool) -> [ProcStat] {
        var seeds: [pid_t] = []
        for stat in table.processes.values where stat.isLive && stat.pid != excluded {
            if remembered.contains(stat.identity) || isTagged(stat.pid) { seeds.append(stat.pid) }
        }
        var found: Set<pid_t> = []
        var pending = seeds
        while let pid = pending.popLast() {
            guard pid != excluded, found.insert(pid).inserted else { continue }
            pending.append(contentsOf: table.children(of: pid))
        }
        return found.compactMap { table.processes[$0] }.filter(\.isLive).sorted { $0.pid < $1.pid }
    }
}
