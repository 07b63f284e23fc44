import Foundation
import Shared

@testable import ClaudioBot

/// The intake in memory, with failures on demand and a record of what happened, for tests of the router and the
/// retrying intake without SQLite.
actor MemoryPromptIntakeStore: PromptIntakeStore {
    struct Failure: Error, CustomStringConvertible {
        var description: String { "disk I/O error (injected)" }
    }

    enum Event: Sendable, Equatable {
        case stored(String)
        case prepared(String)
        case failed(String)
        case running(String)
        case finished(String, JobOutcomeKind?)
    }

    nonisolated let events: AsyncStream<Event>
    private let continuation: AsyncStream<Event>.Continuation
    private(set) var rows: [StoredPrompt] = []
    private(set) var log: [Event] = []
    private var failuresLeft = 0

    init(_ rows: [StoredPrompt] = []) {
        (events, continuation) = AsyncStream.makeStream()
        self.rows = rows
    }

    /// The next `count` stores fail.
    func failStores(_ count: Int) {
        failuresLeft = count
    }

    func storePrompt(_ prompt: StoredPrompt) throws {
        guard failuresLeft == 0 else {
            failuresLeft -= 1
            append(.failed(prompt.jobID))
            throw Failure()
        }
        rows.append(prompt)
        append(.stored(prompt.jobID))
    }

    func storePreparedPrompt(jobID: String, prompt: String, queuedAt: Date) throws {
        guard failuresLeft == 0 else {
            failuresLeft -= 1
            append(.failed(jobID))
            throw Failure()
        }
        guard let index = rows.firstIndex(where: { $0.jobID == jobID }) else { return }
        rows[index].state = .queued
        rows[index].prompt = prompt
        rows[index].queuedAt = queuedAt
        append(.prepared(jobID))
    }

    func markPromptRunning(jobID: String, at date: Date) {
        guard let index = rows.firstIndex(where: { $0.jobID == jobID }) else { return }
        rows[index].state = .running
        rows[index].startedAt = date
        append(.running(jobID))
    }

    func finishPrompt(jobID: String, recording history: JobHistoryRecord?) {
        rows.removeAll { $0.jobID == jobID }
        append(.finished(jobID, history?.entry.outcome))
    }

    func storedPrompts(on platform: Platform) -> [StoredPrompt] {
        rows.filter { $0.address.platform == platform && $0.state != .finished }
    }

    private func append(_ event: Event) {
        log.append(event)
        continuation.yield(event)
    }
}
