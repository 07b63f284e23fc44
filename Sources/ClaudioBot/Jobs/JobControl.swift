import Foundation
import Synchronization

/// The handle through which a running job is observed and killed, shared by the scheduler (admin kill, `/cancel`,
/// shutdown) and the runner, which attaches the job's processes and their supervisor once claude has started.
final class JobControl: Sendable {
    private struct State {
        var processes: (tree: JobProcessTree, supervisor: any ProcessSupervisor)?
        var killReason: KillReason?
        var pid: Int32?
        var startedAt: Date?
        var processCount = 0
        var sessionForgotten = false
        var waitingQuestions = 0
        var usage: JobProcessSample?
        var costUSD: Double?
    }

    private let state = Mutex(State())

    /// The job's latest tool calls, texts and files sent, for the job's detail page (SPEC §17).
    let activity = JobActivity()

    /// Why the job was killed, if it was: the executor reads it to pick the user's message and the outcome.
    var killReason: KillReason? { state.withLock { $0.killReason } }
    var pid: Int32? { state.withLock { $0.pid } }
    var startedAt: Date? { state.withLock { $0.startedAt } }
    var processCount: Int { state.withLock { $0.processCount } }
    /// The latest sample of the job's processes (CPU, memory), refreshed with the count; nil before the first and
    /// once the processes are gone.
    var usage: JobProcessSample? { state.withLock { $0.usage } }
    /// What claude reported the run cost, once its result came.
    var costUSD: Double? { state.withLock { $0.costUSD } }
    /// Tool requests of this job waiting for an answer: the job shows as `waiting_approval` meanwhile.
    var waitingQuestions: Int { state.withLock { $0.waitingQuestions } }

    /// A tool request of this job started (`+1`) or stopped (`-1`) waiting for an answer.
    func noteWaitingQuestions(_ change: Int) {
        state.withLock { $0.waitingQuestions = max(0, $0.waitingQuestions + change) }
    }

    /// Whether `/new` came for this job's session while it ran: the job must not store its session then.
    var sessionForgotten: Bool { state.withLock { $0.sessionForgotten } }

    /// `/new` for this job's chat and user: set before the session is forgotten, so whichever write comes last, the
    /// job's session is not stored again.
    func forgetSession() {
        state.withLock { $0.sessionForgotten = true }
    }

    /// Called by the runner when claude runs. If a kill was requested before, it happens at once.
    func attach(_ tree: JobProcessTree, supervisor: any ProcessSupervisor, startedAt: Date) async {
        let pending: KillReason? = state.withLock {
            $0.pid = tree.root.pid
            $0.startedAt = startedAt
            $0.processCount = 1
            $0.processes = (tree, supervisor)
            return $0.killReason
        }
        if pending != nil {
            _ = await supervisor.kill(tree)
        }
    }

    func markStarted(at date: Date) {
        state.withLock { $0.startedAt = $0.startedAt ?? date }
    }

    func updateProcessCount(_ count: Int) {
        state.withLock { $0.processCount = count }
    }

    /// The job's processes as just sampled; nil once they are gone.
    func updateUsage(_ sample: JobProcessSample?) {
        state.withLock { $0.usage = sample }
    }

    func noteCost(_ costUSD: Double) {
        state.withLock { $0.costUSD = costUSD }
    }

    /// Kills the job's whole process tree; the first reason wins. Returns how many processes were killed
    /// (0 when claude had not started yet: the executor then does not start it).
    func kill(_ reason: KillReason) async -> Int {
        let processes = state.withLock {
            if $0.killReason == nil { $0.killReason = reason }
            return $0.processes
        }
        guard let (tree, supervisor) = processes else { return 0 }
        let count = await supervisor.kill(tree).killedCount
        state.withLock {
            $0.processCount = 0
            $0.usage = nil
        }
        return count
    }
}
