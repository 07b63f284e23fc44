import Synchronization

/// Tells waiters when a server has started listening, or why it never will.
///
/// Settles once: the first of ``markListening()`` and ``markFailed(_:)`` wins, and later waiters get that outcome
/// at once.
final class ListeningSignal: Sendable {
    private enum State {
        case waiting([Int: CheckedContinuation<Void, any Error>])
        case listening
        case failed(any Error)
    }

    private let state = Mutex<(state: State, nextWaiter: Int)>((.waiting([:]), 0))

    /// Returns once the server listens.
    /// - Throws: the error that stopped the server before it listened, or `CancellationError` if the waiting task is
    ///   cancelled.
    func wait() async throws {
        let waiter = state.withLock { current -> Int in
            defer { current.nextWaiter += 1 }
            return current.nextWaiter
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let outcome: Result<Void, any Error>? = state.withLock { current in
                    switch current.state {
                    case .listening:
                        return .success(())
                    case .failed(let error):
                        return .failure(error)
                    case .waiting(var waiters):
                        if Task.isCancelled { return .failure(CancellationError()) }
                        waiters[waiter] = continuation
                        current.state = .waiting(waiters)
                        return nil
                    }
                }
                if let outcome { continuation.resume(with: outcome) }
            }
        } onCancel: {
            let continuation = state.withLock { current -> CheckedContinuation<Void, any Error>? in
                guard case .waiting(var waiters) = current.state else { return nil }
                let continuation = waiters.removeValue(forKey: waiter)
                current.state = .waiting(waiters)
                return continuation
            }
            continuation?.resume(throwing: CancellationError())
        }
    }

    /// The server listens: every waiter returns.
    func markListening() {
        settle(.listening).forEach { $0.resume() }
    }

    /// The server stopped without listening: every waiter throws `error`.
    func markFailed(_ error: any Error) {
        settle(.failed(error)).forEach { $0.resume(throwing: error) }
    }

    private func settle(_ outcome: State) -> [CheckedContinuation<Void, any Error>] {
        state.withLock { current in
            guard case .waiting(let waiters) = current.state else { return [] }
            current.state = outcome
            return Array(waiters.values)
        }
    }
}
