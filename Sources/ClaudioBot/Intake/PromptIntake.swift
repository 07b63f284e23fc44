import Foundation
import Logging

/// Keeps every accepted prompt durable from the moment it is accepted until its job has finished (SPEC §18), so a
/// crash loses none: at the next start the queued ones run and the senders of the running ones are told
/// (`MessageRouter.resumeStoredPrompts`).
///
/// A failed write is retried with backoff, holding the prompt (and, on Telegram, polling) back rather than dropping
/// it; `alarm` shows the failure in channel health until a write succeeds.
struct PromptIntake: Sendable {
    let store: any PromptIntakeStore
    /// Raised while prompts cannot be stored.
    let alarm: StorageAlarm
    /// What the pauses between attempts wait on.
    var clock: AnyClock
    /// Pauses between failed writes.
    var retryBackoff: RetryBackoff
    private let logger = Logger(label: "claudio.intake")

    init(
        store: any PromptIntakeStore, alarm: StorageAlarm = StorageAlarm(), clock: AnyClock = .continuous,
        retryBackoff: RetryBackoff = RetryBackoff()
    ) {
        self.store = store
        self.alarm = alarm
        self.clock = clock
        self.retryBackoff = retryBackoff
    }

    /// Stores `prompt`, retrying while the write fails.
    /// - Returns: true once it is on disk; false when the task was cancelled (shutdown) first.
    func keep(_ prompt: StoredPrompt) async -> Bool {
        await alarm.retry(
            { try await store.storePrompt(prompt) }, problem: "cannot store accepted prompts, so they wait",
            backoff: retryBackoff, clock: clock, logger: logger)
    }

    /// Turns the `preparing` row of `jobID` into the queued `prompt`, retrying while the write fails.
    /// - Returns: true once it is on disk; false when the task was cancelled (shutdown) first.
    func keepPrepared(jobID: String, prompt: String, queuedAt: Date) async -> Bool {
        await alarm.retry(
            { try await store.storePreparedPrompt(jobID: jobID, prompt: prompt, queuedAt: queuedAt) },
            problem: "cannot store accepted prompts, so they wait", backoff: retryBackoff, clock: clock, logger: logger)
    }

    /// Records that the job of `jobID` starts. Not retried: the job waits for nothing but this write, and a job that
    /// started unrecorded would run a second time after a crash.
    /// - Returns: whether the job may start.
    func markRunning(jobID: String) async -> Bool {
        do {
            try await store.markPromptRunning(jobID: jobID, at: Date())
            return true
        } catch {
            logger.error("job \(jobID) not started: its start cannot be stored: \(error)")
            return false
        }
    }

    /// A prompt that will not run after all (the chat's queue is full, Claudio is shutting down).
    func release(jobID: String) async {
        await store.finishPrompt(jobID: jobID, recording: nil)
    }
}
