import Synchronization

/// How many sends to authorized users are under way, so best-effort replies to strangers go only when there are
/// none (SPEC §18: "sent after authorized traffic").
final class TelegramPriorityTraffic: Sendable {
    private struct State {
        var inFlight = 0
        var idleWaiters: [CheckedContinuation<Void, Never>] = []
    }

    private let state = Mutex(State())

    init() {}

    /// Runs `send` counted as authorized traffic.
    func carrying<Result: Sendable>(_ send: () async -> Result) async -> Result {
        state.withLock { $0.inFlight += 1 }
        defer {
            let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
                state.inFlight -= 1
                guard state.inFlight == 0 else { return [] }
                defer { state.idleWaiters = [] }
                return state.idleWaiters
            }
            waiters.forEach { $0.resume() }
        }
        return await send()
    }

    /// Returns when no authorized send is under way.
    func waitUntilIdle() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let idle = state.withLock { state -> Bool in
                if state.inFlight == 0 { return true }
                state.idleWaiters.append(continuation)
                return false
            }
            if idle { continuation.resume() }
        }
    }
}
