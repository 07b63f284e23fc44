import Foundation
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

    /// `health` as a channel reports it: the alarm's problem while it is raised.
    func overriding(_ health: ChannelHealth) -> ChannelHealth {
        guard let current else { return health }
        return ChannelHealth(connected: false, lastError: current.text, lastErrorAt: current.since)
    }
}
