import Foundation
import Shared

extension JobHistoryEntry {
    /// The history row of a finished job.
    init(_ summary: ClaudeJobExecutor.Summary) {
        let job = summary.job
        self.init(
            origin: job.origin, startedAt: job.control.startedAt ?? job.queuedAt, endedAt: summary.endedAt,
            outcome: summary.outcome, exitCode: summary.exitCode, costUSD: summary.costUSD)
    }
}
