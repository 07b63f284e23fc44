import Shared
import Synchronization

/// The records waiting for a `DeniedRecordSink`, in order, shared between the gate (which adds without waiting) and
/// the one task that stores them.
///
/// A record still waiting when a newer version of it arrives is replaced in place, so a flood that folds into one
/// record costs one write per drain rather than one per message. At most `maxPending` distinct records wait; past
/// that the oldest is dropped and counted, because memory must stay bounded even when the store stalls.
final class DeniedRecordQueue: Sendable {
    let maxPending: Int
    private let state = Mutex(State())

    init(maxPending: Int) {
        precondition(maxPending >= 1)
        self.maxPending = maxPending
    }

    /// Records dropped because `maxPending` were already waiting.
    var droppedCount: Int { state.withLock { $0.dropped } }

    /// Adds `record`, or replaces the waiting version of it.
    func enqueue(_ record: DeniedRecord) {
        let maxPending = maxPending
        state.withLock { state in
            guard state.latest.updateValue(record, forKey: record.id) == nil else { return }
            state.order.append(record.id)
            if state.latest.count > maxPending, state.popFirst() != nil {
                state.dropped += 1
            }
        }
    }

    /// Stores every waiting record, oldest first, then wakes whoever waits in `whenDrained`.
    func drain(into sink: any DeniedRecordSink) async {
        while true {
            let (next, drainedWaiters) = state.withLock { state -> (DeniedRecord?, [CheckedContinuation<Void, Never>]) in
                if let record = state.popFirst() {
                    state.storing = true
                    return (record, [])
                }
                state.storing = false
                defer { state.drainWaiters = [] }
                return (nil, state.drainWaiters)
            }
            guard let next else {
                for waiter in drainedWaiters { waiter.resume() }
                return
            }
            await sink.store(next)
        }
    }

    /// Registers `waiter` to be resumed once everything enqueued so far is stored.
    /// - Returns: false when nothing is waiting or being stored; the caller then resumes `waiter` itself.
    func whenDrained(_ waiter: CheckedContinuation<Void, Never>) -> Bool {
        state.withLock { state in
            guard state.storing || !state.latest.isEmpty else { return false }
            state.drainWaiters.append(waiter)
            return true
        }
    }
}

extension DeniedRecordQueue {
    private struct State {
        /// Record IDs in arrival order; entries before `head` were taken.
        var order: [String] = []
        var head = 0
        var latest: [String: DeniedRecord] = [:]
        var storing = false
        var drainWaiters: [CheckedContinuation<Void, Never>] = []
        var dropped = 0

        mutating func popFirst() -> DeniedRecord? {
            while head < order.count {
                let id = order[head]
                head += 1
                if let record = latest.removeValue(forKey: id) {
                    compactIfWorthIt()
                    return record
                }
            }
            order.removeAll()
            head = 0
            return nil
        }

        private mutating func compactIfWorthIt() {
            guard head >= 1024, head * 2 >= order.count else { return }
            order.removeFirst(head)
            head = 0
        }
    }
}
