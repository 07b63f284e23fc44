import Glibc

/// One `/proc` scan shared by the periodic refresh of every running job, and each process's job tag read once.
///
/// Each job used to scan `/proc` and read the environment of every untagged process each second, so the cost grew
/// with jobs × processes (100 jobs on a busy machine kept a core busy). The census scans at most once per `maxAge`
/// for all of them and reads a process's `CLAUDIO_JOB_ID` once per (PID, start time). Kills never use it: they
/// scan afresh.
actor ProcessCensus<C: Clock<Duration>> {
    /// What a job's refresh needs: the table and which live processes carry which job tag.
    struct Snapshot: Sendable {
        let table: ProcessTable
        let tags: [pid_t: String]
    }

    private let clock: C
    private let maxAge: Duration
    private var latest: (snapshot: Snapshot, takenAt: C.Instant)?
    /// The tag each process was seen with (nil: none); kept while the process lives.
    private var tags: [ProcessIdentity: String?] = [:]

    init(clock: C, maxAge: Duration = .milliseconds(500)) {
        self.clock = clock
        self.maxAge = maxAge
    }

    /// Forgets the latest scan, so the next count sees the world after a kill.
    func invalidate() {
        latest = nil
    }

    /// The latest scan, taken now if the last one is older than `maxAge`.
    func snapshot() -> Snapshot {
        if let latest, latest.takenAt.duration(to: clock.now) < maxAge { return latest.snapshot }
        let table = ProcessTable.scan()
        var seen: [ProcessIdentity: String?] = [:]
        var tagsByPID: [pid_t: String] = [:]
        for stat in table.processes.values where stat.isLive {
            let tag = tags[stat.identity] ?? ProcessTable.environmentValue(of: stat.pid, name: ProcessLauncher.jobTagVariable)
            seen[stat.identity] = tag
            if let tag { tagsByPID[stat.pid] = tag }
        }
        tags = seen
        let snapshot = Snapshot(table: table, tags: tagsByPID)
        latest = (snapshot, clock.now)
        return snapshot
    }
}

extension ProcessCensus where C == ContinuousClock {
    init(maxAge: Duration = .milliseconds(500)) {
        self.init(clock: ContinuousClock(), maxAge: maxAge)
    }
}
