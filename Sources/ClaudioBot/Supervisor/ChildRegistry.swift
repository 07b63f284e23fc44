import Foundation
import Glibc

/// The reaper thread's state: which PIDs are awaited, and a counter of spawns that wakes the
/// thread when it had no child left.
///
/// One `NSCondition` guards everything. A spawn holds it across `posix_spawn` and the registration,
/// and the reaper finds an exited child with `WNOWAIT` and reaps it only while holding it, so: a
/// status is never dispatched between a child's birth and its registration, and while a registered
/// child's status is undelivered its PID cannot have been recycled — signalling it under the lock
/// can never hit a stranger.
final class ChildRegistry: @unchecked Sendable {
    // Every stored property below is read and written only while `condition` is locked.
    private let condition = NSCondition()
    private var waiting: [pid_t: PendingExit] = [:]
    private var spawnCount: UInt64 = 0

    func spawnRegistered<Failure: Error>(_ spawn: () throws(Failure) -> pid_t) throws(Failure) -> SpawnedChild {
        condition.lock()
        defer { condition.unlock() }
        let pid = try spawn()
        let exit = PendingExit()
        waiting[pid] = exit
        spawnCount &+= 1
        condition.signal()
        // Not reaped yet (that needs the lock), so this is our child's entry, live or zombie.
        let startTime = ProcStat.read(pid: pid)?.startTime
        return SpawnedChild(pid: pid, startTime: startTime, exit: exit)
    }

    /// Sends `signal` to a registered child that has not been reaped yet.
    func sendSignal(_ signal: Int32, to pid: pid_t) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard waiting[pid] != nil else { return false }
        return kill(pid, signal) == 0
    }

    /// Whether `pid` is a child this process started and has not reaped yet (not an orphan it inherited).
    func isRegistered(_ pid: pid_t) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        return waiting[pid] != nil
    }

    /// The reaper thread's body. Blocks in `waitid`; when there is no child at all (ECHILD) it sleeps
    /// until the next spawn rather than spinning.
    func reapForever() -> Never {
        while true {
            condition.lock()
            let spawnsBeforeWait = spawnCount
            condition.unlock()

            var info = siginfo_t()
            if waitid(P_ALL, 0, &info, WEXITED | WNOWAIT) == 0 {
                reap(info._sifields._sigchld.si_pid)
                continue
            }
            switch errno {
            case EINTR:
                continue
            case ECHILD:
                condition.lock()
                while spawnCount == spawnsBeforeWait { condition.wait() }
                condition.unlock()
            default:
                // Not expected from waitid with valid arguments; back off instead of spinning.
                usleep(100_000)
            }
        }
    }

    private func reap(_ pid: pid_t) {
        condition.lock()
        var info = siginfo_t()
        let reaped = waitid(P_PID, id_t(pid), &info, WEXITED) == 0
        let exit = reaped ? waiting.removeValue(forKey: pid) : nil
        condition.unlock()
        guard let exit else { return }
        let value = info._sifields._sigchld.si_status
        exit.deliver(info.si_code == CLD_EXITED ? .exited(value) : .signalled(value))
    }
}
