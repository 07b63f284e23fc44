import Foundation
import Glibc
import Synchronization

/// Reaps every child of this process on one dedicated thread and hands each exit status to whoever
/// awaits that PID.
///
/// Creating it makes the process a child subreaper (`PR_SET_CHILD_SUBREAPER`): a job's orphans — a
/// double-forked daemon, a tool whose parent died — are reparented here instead of to init, so they
/// stay visible to the job's process scan and their exit is collected rather than left as zombies.
/// The thread waits on `waitid(P_ALL, …)`, so it reaps *every* child of the process: nothing
/// else may wait for children (Foundation's `Process` would lose its child's status), which is why
/// `ProcessLauncher` is the only way Claudio starts a process. Exactly one reaper may exist per
/// process; it lives until the process exits. Statuses of children nobody registered (orphans) are
/// discarded.
final class ChildReaper: Sendable {
    /// waitid(P_ALL) is a process-wide resource: a second reaper would steal the first one's statuses.
    private static let isRunning = Atomic(false)

    private let registry: ChildRegistry
    /// The children this process did not start: a job's orphans, reparented here.
    let orphans: InheritedOrphans
    private let spawner = SpawnerThread(name: "claudio-spawner")

    /// Makes this process a child subreaper, ignores SIGPIPE (a child that stops reading its stdin
    /// must give EPIPE, not kill us) and starts the reaper thread.
    init() throws(SupervisorError) {
        guard let prctl = GlibcExtensions.prctl else { throw .missingLibcFunction("prctl") }
        guard Self.isRunning.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged
        else { throw .reaperAlreadyRunning }
        guard prctl(GlibcExtensions.setChildSubreaper, 1, 0, 0, 0) == 0 else {
            let code = errno
            Self.isRunning.store(false, ordering: .releasing)
            throw .subreaperUnavailable(errno: code)
        }
        signal(SIGPIPE, SIG_IGN)
        // With SIGCHLD ignored the kernel would reap children itself and waitid would see none.
        signal(SIGCHLD, SIG_DFL)
        registry = ChildRegistry()
        let registry = registry
        orphans = InheritedOrphans { registry.isRegistered($0) }
        let thread = Thread { registry.reapForever() }
        thread.name = "claudio-reaper"
        thread.start()
    }

    /// Runs `spawn` (which must start exactly one child and return its PID) and registers the child
    /// before any exit status can be dispatched, so even a child that exits at once is not missed. The spawn
    /// happens on a permanent thread (see `SpawnerThread`).
    func spawnRegistered<Failure: Error>(_ spawn: () throws(Failure) -> pid_t) throws(Failure) -> SpawnedChild {
        let registry = registry
        let outcome = spawner.perform { () -> Result<SpawnedChild, Failure> in
            do throws(Failure) {
                return .success(try registry.spawnRegistered(spawn))
            } catch {
                return .failure(error)
            }
        }
        return try outcome.get()
    }

    /// Whether `pid` is a child started through this reaper and not reaped yet; a child of this process that is
    /// not is an orphan it inherited as subreaper.
    func started(_ pid: pid_t) -> Bool {
        registry.isRegistered(pid)
    }

    /// Sends `signal` to a child started through this reaper, unless it has already been reaped —
    /// its PID could then belong to an unrelated process.
    /// - Returns: whether the signal was sent.
    @discardableResult
    func sendSignal(_ signal: Int32, to pid: pid_t) -> Bool {
        registry.sendSignal(signal, to: pid)
    }
}
