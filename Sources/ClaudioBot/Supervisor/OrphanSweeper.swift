import Glibc
import Logging
import Synchronization

/// Kills what unsandboxed jobs leave behind without a job to own it (SPEC §12).
///
/// The daemon is a child subreaper, so every orphan of a job is reparented to it. An orphan that scrubbed its
/// environment and double-forked before any refresh saw it belongs to no job's tree any more; it is still the
/// daemon's child, though, and one the daemon never started (`InheritedOrphans`). When a job ends and at shutdown,
/// such children — unless a live job still claims them — are killed with their descendants.
final class OrphanSweeper: Sendable {
    private let reaper: ChildReaper
    private let liveJobs = Mutex<[ObjectIdentifier: JobProcessTree]>([:])
    private let logger = Logger(label: "claudio.supervisor")

    init(reaper: ChildReaper) {
        self.reaper = reaper
    }

    func track(_ job: JobProcessTree) {
        liveJobs.withLock { $0[ObjectIdentifier(job)] = job }
    }

    func forget(_ job: JobProcessTree) {
        _ = liveJobs.withLock { $0.removeValue(forKey: ObjectIdentifier(job)) }
    }

    /// Kills every orphan no live job claims, and everything descended from it.
    /// - Returns: how many processes were killed.
    @discardableResult
    func sweep() async -> Int {
        // The common case, a job that left nothing behind, costs one small read.
        guard !reaper.orphans.list().isEmpty else { return 0 }
        var claimed: Set<ProcessIdentity> = []
        for job in liveJobs.withLock({ Array($0.values) }) {
            claimed.formUnion(await job.refresh().map(\.identity))
        }
        var killed: Set<ProcessIdentity> = []
        let daemon = getpid()
        // SIGKILL is delivered asynchronously and a dying orphan may have forked: look again a few rounds.
        for _ in 0..<10 {
            let unclaimed = reaper.orphans.list().map(\.stat.identity).filter { !claimed.contains($0) }
            // The orphans and everything below them, walked the way a job's tree is.
            let doomed = JobProcessTree.members(from: unclaimed, in: ProcFileSystem(), excluding: daemon)
                .filter { !claimed.contains($0.identity) }
            guard !doomed.isEmpty else { break }
            for stat in doomed where Glibc.kill(stat.pid, SIGKILL) == 0 {
                killed.insert(stat.identity)
            }
            try? await Task.sleep(for: .milliseconds(10))
        }
        if !killed.isEmpty {
            logger.notice("killed \(killed.count) orphaned process(es) that no running job owned")
        }
        return killed.count
    }
}
