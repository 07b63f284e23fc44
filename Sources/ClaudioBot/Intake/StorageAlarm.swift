import Foundation
import Logging
import Synchronization

/// Raised while a write that must not be lost keeps failing (the state database locked or read-only, the disk full):
/// a channel then shows `connected: false` and the problem in its health until the write succeeds (SPEC §18).
final class StorageAlarm: Sendable {
    struct Problem: Sendable, Equatable {
        var text: String
        var since: Date
    }

    private let problem = Mutex<Problem?>(nil)

    init() {}

    /// What is failing, and since when; nil while writes succeed.
    var current: Problem? { problem.withLock { $0 } }

    /// Notes a failure; the time of the first failure in a row is kept.
    func raise(_ text: String) {
        problem.withLock { $0 = Problem(text: text, since: $0?.since ?? Date()) }
    }

    func clear() {
        problem.withLock { $0 = nil }
    }

    /// Runs `write` until it succeeds: after each failure the alarm is raised with `problem` and the error, the failure
    /// is logged, and the next attempt waits for `backoff`'s next delay on `clock`. The alarm is cleared on success.
    /// - Returns: true once a write succeeded; false when the task was cancelled (shutdown) first.
    func retry(
        _ write: () async throws -> Void, problem: String, backoff: RetryBackoff, clock: AnyClock, logger: Logger
    ) async -> Bool {
        var backoff = backoff
        while true {
            do {
                try await write()
                if current != nil { logger.notice("the state database takes writes again (it failed: \(problem))") }
                clear()
                return true
            } catch {
                let delay = backoff.nextDelay()
                raise("\(problem): \(error)")
                logger.error("\(problem) (retrying in \(delay)): \(error)")
                do { try await clock.sleep(for: delay) } catch { return false }
            }
        }
    }

    /// `health` as a channel reports it: the alarm's problem while it is raised.
    func overriding(_ health: ChannelHealth) -> ChannelHealth {
        guard let current else { return health }
        return ChannelHealth(connected: false, lastError: current.text, lastErrorAt: current.since)
    }
}
