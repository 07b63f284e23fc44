import Foundation
import Synchronization

/// One permanent thread on which every child process is created.
///
/// A child's parent-death signal (`PR_SET_PDEATHSIG`, which bubblewrap's `--die-with-parent` sets) fires when the
/// *thread* that created the child exits, not the process. The cooperative pool's threads come and go, so a job
/// spawned from one of them could be killed in the middle of its run when that thread is retired; a thread that
/// lives as long as the process never triggers it.
final class SpawnerThread: Sendable {
    private struct WorkItem: Sendable {
        var body: @Sendable () -> Void
        var done: DispatchSemaphore
    }

    private struct State {
        var work: [WorkItem] = []
    }

    private let state = Mutex(State())
    private let wakeUp = DispatchSemaphore(value: 0)

    init(name: String) {
        // The thread holds the spawner for the life of the process, as the process's one reaper holds it.
        let thread = Thread { [self] in
            while true {
                wakeUp.wait()
                guard var item = state.withLock({ $0.work.isEmpty ? nil : $0.work.removeFirst() }) else { continue }
                item.body()
                let done = item.done
                // The caller's closure must be released before the caller resumes (it is not really escaping).
                item.body = {}
                done.signal()
            }
        }
        thread.name = name
        thread.start()
    }

    /// Runs `body` on the thread and returns its result; the caller waits (a spawn takes about a millisecond).
    func perform<Result>(_ body: () -> Result) -> Result {
        withoutActuallyEscaping(body) { body in
            // The caller blocks until `body` has run, so nothing it captures outlives this call.
            nonisolated(unsafe) let body = body
            nonisolated(unsafe) var result: Result?
            let done = DispatchSemaphore(value: 0)
            state.withLock { $0.work.append(WorkItem(body: { result = body() }, done: done)) }
            wakeUp.signal()
            done.wait()
            return result!
        }
    }
}
