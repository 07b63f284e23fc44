import Shared
import Foundation

@testable import ClaudioBot

/// A `JobExecutor` whose jobs run until the test finishes them, reporting what happens as events.
actor ScriptedExecutor: JobExecutor {
    enum Event: Sendable, Equatable {
        case started(String)
        case finished(String, JobOutcomeKind)
        case discarded(String, KillReason)
    }

    nonisolated let events: AsyncStream<Event>
    private let continuation: AsyncStream<Event>.Continuation
    private var waiting: [String: CheckedContinuation<JobOutcomeKind, Never>] = [:]
    private var early: [String: JobOutcomeKind] = [:]
    /// How many processes a kill reports.
    let processesPerJob: Int

    init(processesPerJob: Int = 3) {
        (events, continuation) = AsyncStream.makeStream()
        self.processesPerJob = processesPerJob
    }

    func execute(_ job: Job) async -> JobOutcomeKind {
        let supervisor = ScriptedSupervisor(processCount: processesPerJob) {
            await self.finish(job.id, job.control.killReason?.outcome ?? .killed)
        }
        // A real stand-in process, so the job has a PID and its kill goes through a real supervisor.
        guard let tree = try? supervisor.launch(ScriptedSupervisor.standIn, tag: "scripted-\(job.id)") else {
            return .error
        }
        defer { Task { _ = await FakeClaude.supervisor().kill(tree) } }
        await job.control.attach(tree, supervisor: supervisor, startedAt: Date())
        continuation.yield(.started(job.id))
        let outcome: JobOutcomeKind
        if let ready = early.removeValue(forKey: job.id) {
            outcome = ready
        } else {
            outcome = await withCheckedContinuation { waiting[job.id] = $0 }
        }
        continuation.yield(.finished(job.id, outcome))
        return outcome
    }

    func discard(_ job: Job, reason: KillReason) {
        continuation.yield(.discarded(job.id, reason))
    }

    /// Ends a running job with `outcome`.
    func finish(_ id: String, _ outcome: JobOutcomeKind = .ok) {
        if let waiter = waiting.removeValue(forKey: id) {
            waiter.resume(returning: outcome)
        } else {
            early[id] = outcome
        }
    }
}

extension AsyncStream where Element: Sendable {
    /// The next element, failing the test instead of hanging forever when none comes.
    func next(timeout: Duration = .seconds(10)) async -> Element? {
        await withTaskGroup(of: Element?.self) { group in
            group.addTask {
                var iterator = self.makeAsyncIterator()
                return await iterator.next()
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }
}
