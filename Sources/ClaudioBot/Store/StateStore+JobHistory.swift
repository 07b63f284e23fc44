import Foundation
import GRDB
import Shared

/// Finished jobs, in the `job_history` table (SPEC §16).
extension StateStore {
    /// Stores `entry`, run in claude session `sessionID`, replacing a row with the same id, and returns once it is
    /// committed; a failure is logged.
    func recordJob(_ entry: JobHistoryEntry, sessionID: String? = nil) async {
        let record = JobHistoryRecord(entry, sessionID: sessionID)
        await write("job \(entry.id) in the history") { db in try record.upsert(db) }
    }

    /// The `limit` most recently ended jobs, newest first.
    func recentJobs(limit: Int) async -> [JobHistoryEntry] {
        await read("the job history", fallback: []) { db in
            try JobHistoryRecord
                .order(Column("ended_at").desc, Column("started_at").desc)
                .limit(max(0, limit))
                .fetchAll(db)
                .map(\.entry)
        }
    }

    /// What each user's jobs that ended at or after `start` cost in all: a user's cost today, from the start of the
    /// day. Users whose jobs reported no cost are left out.
    func costsPerUser(endedSince start: Date) async -> [UserKey: Double] {
        await read("the cost per user", fallback: [:]) { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT platform, user_id, SUM(cost_usd) AS cost FROM job_history
                    WHERE ended_at >= ? AND cost_usd IS NOT NULL GROUP BY platform, user_id
                    """,
                arguments: [start.timeIntervalSince1970])
            var costs: [UserKey: Double] = [:]
            for row in rows {
                guard let platform = Platform(rawValue: row["platform"]) else { continue }
                costs[UserKey(platform: platform, userID: row["user_id"])] = row["cost"]
            }
            return costs
        }
    }
}
