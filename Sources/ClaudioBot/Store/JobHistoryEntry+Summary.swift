import Foundation

extension JobHistoryEntry {
    /// The history row of a finished job.
    init(_ summary: ClaudeJobExecutor.Summary) {
        let job = summary.job
        self.init(
            id: job.id, platform: job.address.platform, chatID: job.address.chatID, userID: job.user.id,
            username: job.user.username, startedAt: job.control.startedAt ?? job.queuedAt, endedAt: summary.endedAt,
            outcome: summary.outcome, exitCode: summary.exitCode, costUSD: summary.costUSD,
            promptExcerpt: TextSanitizer.excerpt(job.prompt, limit: 100))
    }
}
