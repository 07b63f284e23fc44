import Foundation
import Synchronization

/// Which Telegram updates may be confirmed (SPEC §18 "No update is confirmed before it is safe"). Polling with an
/// offset confirms every update before it, and Telegram then deletes them; so the offset may pass an update only
/// once it is settled: handled, or its prompt stored in the intake. `offset` is the lowest update still unsettled, or
/// one past the last one taken.
///
/// Updates are settled out of order (chats are handled at the same time), so until the lowest unsettled one is, the
/// poller keeps asking from it, is offered the later ones again and skips them: `classify` tells them apart. It also
/// counts the handlers at work, for the backlog bound, and wakes the poller when anything settles.
final class TelegramUpdateWindow: Sendable {
    /// What an offered update is to the poller.
    enum Kind: Equatable {
        /// Never taken: handle it.
        case new
        /// Taken before in this run (being handled, or settled while an earlier one was not).
        case taken
        /// An earlier run stored its prompt: skip it (its job resumes from the intake), but take it so the offset
        /// can pass it.
        case storedBefore
    }

    private struct State {
        /// One past the last update taken (at start: the stored offset; nil before any update was ever stored).
        var frontier: Int64?
        var unsettled: Set<Int64> = []
        /// Updates at or past the stored offset whose prompts an earlier run stored.
        var storedBefore: Set<Int64>
        var handlers = 0
        /// Bumped whenever an update settles or a handler ends.
        var generation = 0
        var waiters: [UUID: CheckedContinuation<Void, Never>] = [:]
    }

    private let state: Mutex<State>

    /// - Parameters:
    ///   - storedOffset: where the previous run stopped confirming.
    ///   - storedBefore: updates at or past it whose prompts are in the intake.
    init(storedOffset: Int64?, storedBefore: Set<Int64>) {
        state = Mutex(State(frontier: storedOffset, storedBefore: storedBefore))
    }

    /// The offset to poll with: every update before it is settled.
    var offset: Int64? {
        state.withLock { state in
            guard let lowest = state.unsettled.min() else { return state.frontier }
            return min(lowest, state.frontier ?? lowest)
        }
    }

    /// Whether some taken update is neither handled nor stored (a poll then returns at once with it).
    var hasUnsettled: Bool { state.withLock { !$0.unsettled.isEmpty } }
    /// How many updates are being handled or wait for their chat's turn.
    var handlerCount: Int { state.withLock { $0.handlers } }
    /// Changes whenever something settles: pass it to `waitForChange(since:)`.
    var generation: Int { state.withLock { $0.generation } }

    func classify(_ updateID: Int64) -> Kind {
        state.withLock { state in
            if let frontier = state.frontier, updateID < frontier { return .taken }
            return state.storedBefore.contains(updateID) ? .storedBefore : .new
        }
    }

    /// Takes `updateID` (in order): settled at once, or handed to a handler that settles it and calls `handlerEnded`.
    func take(_ updateID: Int64, handled: Bool) {
        state.withLock { state in
            state.frontier = max(state.frontier ?? updateID + 1, updateID + 1)
            if !state.storedBefore.isEmpty, let frontier = state.frontier {
                state.storedBefore = state.storedBefore.filter { $0 >= frontier }
            }
            if !handled {
                state.unsettled.insert(updateID)
                state.handlers += 1
            }
        }
    }

    /// `updateID` is handled or its prompt stored: the offset may pass it.
    func settle(_ updateID: Int64) {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            guard state.unsettled.remove(updateID) != nil else { return [] }
            return Self.bump(&state)
        }
        waiters.forEach { $0.resume() }
    }

    /// A handler taken with `take(_:handled: false)` has finished.
    func handlerEnded() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.handlers -= 1
            return Self.bump(&state)
        }
        waiters.forEach { $0.resume() }
    }

    /// Returns once `generation` differs from `since`, or the task is cancelled.
    func waitForChange(since generation: Int) async {
        let id = UUID()
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let waiting = state.withLock { state -> Bool in
                    guard state.generation == generation, !Task.isCancelled else { return false }
                    state.waiters[id] = continuation
                    return true
                }
                if !waiting { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.waiters.removeValue(forKey: id) }?.resume()
        }
    }

    private static func bump(_ state: inout State) -> [CheckedContinuation<Void, Never>] {
        state.generation += 1
        defer { state.waiters = [:] }
        return Array(state.waiters.values)
    }
}
