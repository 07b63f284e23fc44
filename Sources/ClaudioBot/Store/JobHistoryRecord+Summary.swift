import Foundation
import Shared

extension JobHistoryRecord {
    /// The history row of a job claude ran (or tried to).
    init(_ summary: ClaudeJobExecutor.Summary) {
        let job = summary.job
        self.init(
            JobHistoryEntry(
                origin: job.origin, startedAt: job.control.startedAt ?? job.queuedAt, endedAt: summary.endedAt,
                outcome: summary.outcome, exitCode: summary.exitCode, costUSD: summary.costUSD,
                toolsUsed: summary.toolsUsed),
            sessionID: summary.sessionID)
    }

    /// The history row of a queued job that never ran: cancelled, killed by the administrator or dropped at shutdown.
    /// Its start is when it was queued, so its duration is how long it waited.
    init(discarded job: Job, reason: KillReason, at endedAt: Date) {
        self.init(
            JobHistoryEntry(origin: job.origin, startedAt: job.queuedAt, endedAt: endedAt, outcome: reason.outcome))
    }
}
