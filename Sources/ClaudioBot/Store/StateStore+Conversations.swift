import Foundation
import GRDB
import Shared

/// A chat's conversations, from the job history grouped by claude session (SPEC §16, `/sessions`).
extension StateStore {
    /// The `limit` conversations of `key` (a user in a chat) used most recently, newest first. Only jobs that
    /// started a session count: one killed before claude began belongs to no conversation.
    func conversations(of key: SessionKey, limit: Int) async -> [ConversationSummary] {
        await read("the conversations of \(key.platform.rawValue) chat \(key.chatID)", fallback: []) { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT session_id, MIN(started_at) AS started_at, MAX(ended_at) AS last_used_at,
                        COUNT(*) AS prompts, COALESCE(SUM(cost_usd), 0) AS cost,
                        (SELECT first.prompt_excerpt FROM job_history AS first
                            WHERE first.platform = job.platform AND first.chat_id = job.chat_id
                                AND first.user_id = job.user_id AND first.session_id = job.session_id
                            ORDER BY first.started_at LIMIT 1) AS first_prompt
                    FROM job_history AS job
                    WHERE platform = ? AND chat_id = ? AND user_id = ? AND session_id IS NOT NULL
                    GROUP BY session_id ORDER BY last_used_at DESC LIMIT ?
                    """,
                arguments: [key.platform.rawValue, key.chatID, key.userID, max(0, limit)]
            ).map { row in
                ConversationSummary(
                    sessionID: row["session_id"], startedAt: Date(timeIntervalSince1970: row["started_at"]),
                    lastUsedAt: Date(timeIntervalSince1970: row["last_used_at"]),
                    firstPromptExcerpt: row["first_prompt"] ?? "", promptCount: row["prompts"], costUSD: row["cost"])
            }
        }
    }
}
