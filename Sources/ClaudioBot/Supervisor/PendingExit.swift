import Synchronization

/// The exit status of one child, delivered once by the `ChildReaper` and awaited by any number of tasks.
///
/// The status is kept after delivery, so a child that exits before anyone awaits it (or is awaited
/// twice) still reports it.
final class PendingExit: Sendable {
    private struct State {
        var status: ExitStatus?
        var waiters: [CheckedContinuation<ExitStatus, Never>] = []
    }

    private let state = Mutex(State())

    /// The status, if the child has already been reaped.
    var status: ExitStatus? {
        state.withLock { $0.status }
    }

    /// Suspends until the child has been reaped. Not cancellable: end the process to end the wait.
    func wait() async -> ExitStatus {
        await withCheckedContinuation { continuation in
            let ready: ExitStatus? = state.withLock { state in
                if let status = state.status { return status }
                state.waiters.append(continuation)
                return nil
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }

    func deliver(_ status: ExitStatus) {
        let waiters = state.withLock { state in
            state.status = status
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume(returning: status) }
    }
}
