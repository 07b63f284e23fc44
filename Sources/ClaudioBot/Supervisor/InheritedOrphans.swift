import Glibc
import Synchronization

/// The children of the daemon it did not start: a job's orphans, reparented to it as child subreaper.
///
/// A process whose parent exits is reparented to the nearest subreaper, the daemon, and the kernel hands it to the
/// subreaper's first live thread, the thread-group leader (`find_alive_thread` in kernel/exit.c); the daemon's own
/// children sit on its spawner thread. So the leader's `children` file lists exactly the orphans — one small read,
/// whatever else runs on the host. Each orphan's job tag is read once, when it is first seen, and kept while it
/// lives: an orphan that appears is rare (a double-forked daemon), a message without one reads no environment.
final class InheritedOrphans: Sendable {
    struct Orphan: Sendable, Equatable {
        let stat: ProcStat
        /// Its `CLAUDIO_JOB_ID` as first seen; nil if it had none (or had scrubbed its environment).
        let tag: String?
    }

    private let isStarted: @Sendable (pid_t) -> Bool
    private let tags = Mutex<[ProcessIdentity: String?]>([:])

    /// - Parameter isStarted: whether a child was started by this process (and so is not an orphan).
    init(isStarted: @escaping @Sendable (pid_t) -> Bool) {
        self.isStarted = isStarted
    }

    /// The live orphans now, each with its tag.
    func list() -> [Orphan] {
        let daemon = getpid()
        var orphans: [Orphan] = []
        for pid in ProcChildren.of(pid: daemon, thread: daemon) where !isStarted(pid) {
            guard let stat = ProcStat.read(pid: pid), stat.isLive else { continue }
            orphans.append(Orphan(stat: stat, tag: tag(of: stat)))
        }
        let current = Set(orphans.map(\.stat.identity))
        tags.withLock { known in
            // Forget the orphans that are gone; the common case, nothing gone, copies nothing.
            if known.keys.contains(where: { !current.contains($0) }) {
                known = known.filter { current.contains($0.key) }
            }
        }
        return orphans
    }

    private func tag(of stat: ProcStat) -> String? {
        if let known = tags.withLock({ $0[stat.identity] }) { return known }
        let tag = ProcEnvironment.value(of: stat.pid, name: ProcessLauncher.jobTagVariable)
        tags.withLock { $0[stat.identity] = .some(tag) }
        return tag
    }
}
