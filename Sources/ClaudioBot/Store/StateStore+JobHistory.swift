import Shared
import GRDB

/// Finished jobs, in the `job_history` table.
extension StateStore {
    /// Stores `entry` (replacing a row with the same id) and returns once it is committed; a failure is logged.
    func recordJob(_ entry: JobHistoryEntry) async {
        await write("job \(entry.id) in the history") { db in try entry.upsert(db) }
    }

    /// The `limit` most recently ended jobs, newest first.
    func recentJobs(limit: Int) async -> [JobHistoryEntry] {
        await read("the job history", fallback: []) { db in
            try JobHistoryEntry
                .order(Column("ended_at").desc, Column("started_at").desc)
                .limit(max(0, limit))
                .fetchAll(db)
        }
    }
}
