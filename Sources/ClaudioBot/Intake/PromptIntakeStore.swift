import Foundation
import Shared

/// Where accepted prompts are kept durably (SPEC §18): the seam between the intake and the state database.
protocol PromptIntakeStore: Sendable {
    /// Stores an accepted prompt and returns once it is on disk.
    /// - Throws: the write's failure; the caller must not confirm the prompt's update (or start its job) then.
    func storePrompt(_ prompt: StoredPrompt) async throws
    /// The `preparing` row of `jobID` becomes a queued prompt with the text that was prepared.
    /// - Throws: the write's failure; the job must not be queued then.
    func storePreparedPrompt(jobID: String, prompt: String, queuedAt: Date) async throws
    /// Its job is starting: after a crash the prompt is reported as interrupted instead of being run again.
    /// - Throws: the write's failure; the job must not start then.
    func markPromptRunning(jobID: String, at date: Date) async throws
    /// Its job has ended (or will never run): records `history` when given, and lets the row go, in one transaction.
    func finishPrompt(jobID: String, recording history: JobHistoryRecord?) async
    /// The prompts of `platform` still queued or running, in the order they were accepted.
    func storedPrompts(on platform: Platform) async -> [StoredPrompt]
}
