import Foundation
import GRDB
import Shared

/// Accepted prompts until their job has finished, in the `prompt_intake` table (SPEC §18).
extension StateStore: PromptIntakeStore {
    func storePrompt(_ prompt: StoredPrompt) async throws {
        try await writeOrThrow { db in try prompt.insert(db) }
    }

    func storePreparedPrompt(jobID: String, prompt: String, queuedAt: Date) async throws {
        try await writeOrThrow { db in
            try db.execute(
                sql: "UPDATE prompt_intake SET state = 'queued', prompt = ?, queued_at = ? WHERE job_id = ?",
                arguments: [prompt, queuedAt.timeIntervalSince1970, jobID])
        }
    }

    func markPromptRunning(jobID: String, at date: Date) async throws {
        try await writeOrThrow { db in
            try db.execute(
                sql: "UPDATE prompt_intake SET state = 'running', started_at = ? WHERE job_id = ?",
                arguments: [date.timeIntervalSince1970, jobID])
        }
    }

    func finishPrompt(jobID: String, recording history: JobHistoryRecord?) async {
        await write("the end of job \(jobID)") { db in
            try history?.upsert(db)
            try Self.finishPrompt(jobID: jobID, in: db)
        }
    }

    func storedPrompts(on platform: Platform) async -> [StoredPrompt] {
        await read("the stored prompts", fallback: []) { db in
            try StoredPrompt.fetchAll(
                db,
                sql: "SELECT * FROM prompt_intake WHERE platform = ? AND state != 'finished' ORDER BY seq",
                arguments: [platform.rawValue])
        }
    }

    /// The Telegram updates at or past `offset` whose prompts are (or were) in the intake: a poll from `offset` may
    /// offer them again, and they must not run a second time.
    func storedTelegramUpdates(from offset: Int64?) async -> Set<Int64> {
        await read("the stored Telegram updates", fallback: []) { db in
            try Int64.fetchSet(
                db,
                sql: "SELECT update_id FROM prompt_intake WHERE platform = ? AND update_id >= ?",
                arguments: [Platform.telegram.rawValue, offset ?? Int64.min])
        }
    }

    /// Deletes the row of a finished job, unless Telegram may still offer its update again (the update is at or past
    /// the stored offset): then the row stays, `finished`, until `saveTelegramOffset` moves past it.
    static func finishPrompt(jobID: String, in db: Database) throws {
        let offset = try Int64.fetchOne(db, sql: "SELECT next_offset FROM telegram_offset WHERE id = 1")
        try db.execute(
            sql: "DELETE FROM prompt_intake WHERE job_id = ? AND (update_id IS NULL OR update_id < ?)",
            arguments: [jobID, offset ?? Int64.min])
        guard db.changesCount == 0 else { return }
        try db.execute(sql: "UPDATE prompt_intake SET state = 'finished' WHERE job_id = ?", arguments: [jobID])
    }
}
