import Foundation
import Synchronization

/// The handle through which a running job is observed and killed, shared by the scheduler (admin kill, `/cancel`,
/// shutdown) and the executor (which owns the process and installs the killer once claude has started).
final class JobControl: Sendable {
    private struct State {
        var killer: (@Sendable (KillReason) async -> Int)?
        var killReason: KillReason?
        var pid: Int32?
        var startedAt: Date?
        var processCount = 0
    }

    private let state = Mutex(State())

    /// Why the job was killed, if it was: the executor reads it to pick the user's message and the outcome.
    var killReason: KillReason? { state.withLock { $0.killReason } }
    var pid: Int32? { state.withLock { $0.pid } }
    var startedAt: Date? { state.withLock { $0.startedAt } }
    var processCount: Int { state.withLock { $0.processCount } }

    /// Called by the executor when claude runs. If a kill was requested before, the killer runs at once.
    func attach(pid: Int32, startedAt: Date, killer: @escaping @Sendable (KillReason) async -> Int) async {
        let pending: KillReason? = state.withLock {
            $0.pid = pid
            $0.startedAt = startedAt
            $0.processCount = 1
            $0.killer = killer
            return $0.killReason
        }
        if let pending {
            _ = await killer(pending)
        }
    }

    func markStarted(at date: Date) {
        state.withLock { $0.startedAt = $0.startedAt ?? date }
    }

    func updateProcessCount(_ count: Int) {
        state.withLock { $0.processCount = count }
    }

    /// Kills the job's whole process tree; the first reason wins. Returns how many processes were killed
    /// (0 when claude had not started yet: the executor then does not start it).
    func kill(_ reason: KillReason) async -> Int {
        let killer: (@Sendable (KillReason) async -> Int)? = state.withLock {
            if $0.killReason == nil { $0.killReason = reason }
            return $0.killer
        }
        guard let killer else { return 0 }
        let count = await killer(state.withLock { $0.killReason } ?? reason)
        state.withLock { $0.processCount = 0 }
        return count
    }
}
