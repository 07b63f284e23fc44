import GRDB
import Shared

/// The next Telegram update offset, a single row of `telegram_offset` (SPEC §9).
extension StateStore {
    /// The offset to resume `getUpdates` from; nil before the first update was ever stored (or when it cannot be read).
    func telegramOffset() async -> Int64? {
        await read("the Telegram offset", fallback: nil) { db in
            try Int64.fetchOne(db, sql: "SELECT next_offset FROM telegram_offset WHERE id = 1")
        }
    }

    /// Stores `offset` and returns once it is committed and synced to disk, so the poller may then confirm every
    /// update before it: a restart resumes from here. Finished prompts of updates before `offset` are forgotten in the
    /// same transaction — Telegram will not offer those updates again.
    /// - Throws: the database error, or `StateStoreError.closed`; the poller must then not poll with `offset`.
    func saveTelegramOffset(_ offset: Int64) async throws {
        try await writeOrThrow { db in
            try db.execute(
                sql: """
                    INSERT INTO telegram_offset (id, next_offset) VALUES (1, ?)
                    ON CONFLICT (id) DO UPDATE SET next_offset = excluded.next_offset
                    """,
                arguments: [offset])
            try db.execute(
                sql: "DELETE FROM prompt_intake WHERE state = 'finished' AND platform = ? AND update_id < ?",
                arguments: [Platform.telegram.rawValue, offset])
        }
    }
}
