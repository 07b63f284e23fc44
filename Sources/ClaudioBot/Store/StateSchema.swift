import Foundation
import GRDB

/// The tables of the state database (SPEC §10) and how they are kept bounded.
///
/// Migrations are append-only: a released migration is never edited, a change is a new named migration, so every
/// existing database reaches the same schema. Times are REAL seconds since 1970 (UTC): they round-trip a `Date`
/// exactly and order numerically.
enum StateSchema {
    /// How many rows of job history and of denied-access records survive the pruning at start.
    static let defaultRetainedRows = 10_000

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: sessions, telegram offset, job history, denied access") { db in
            try db.execute(sql: """
                CREATE TABLE sessions (
                    platform TEXT NOT NULL,
                    chat_id TEXT NOT NULL,
                    user_id TEXT NOT NULL,
                    session_id TEXT NOT NULL,
                    updated_at REAL NOT NULL,
                    PRIMARY KEY (platform, chat_id, user_id)
                );
                CREATE TABLE telegram_offset (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    next_offset INTEGER NOT NULL
                );
                CREATE TABLE job_history (
                    id TEXT PRIMARY KEY NOT NULL,
                    platform TEXT NOT NULL,
                    chat_id TEXT NOT NULL,
                    user_id TEXT NOT NULL,
                    username TEXT,
                    started_at REAL NOT NULL,
                    ended_at REAL NOT NULL,
                    outcome TEXT NOT NULL,
                    exit_code INTEGER,
                    cost_usd REAL,
                    prompt_excerpt TEXT NOT NULL
                );
                CREATE INDEX job_history_by_end ON job_history (ended_at);
                CREATE TABLE denied_access (
                    id TEXT PRIMARY KEY NOT NULL,
                    at REAL NOT NULL,
                    last_at REAL NOT NULL,
                    platform TEXT NOT NULL,
                    user_id TEXT NOT NULL,
                    username TEXT,
                    chat_id TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    excerpt TEXT NOT NULL,
                    count INTEGER NOT NULL
                );
                CREATE INDEX denied_access_by_last_at ON denied_access (last_at);
                """)
        }
        // SPEC §18: every accepted prompt, queued or running, until its job has finished. `seq` keeps the order
        // prompts were accepted in, so a restart queues each chat's prompts as they came. A Telegram prompt's row
        // stays behind as `finished` while its `update_id` is at or past the stored offset: Telegram may offer that
        // update again after a crash, and the row is how it is recognized.
        migrator.registerMigration("v2: prompt intake") { db in
            try db.execute(sql: """
                CREATE TABLE prompt_intake (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    job_id TEXT NOT NULL UNIQUE,
                    state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'finished')),
                    platform TEXT NOT NULL,
                    chat_id TEXT NOT NULL,
                    thread_id TEXT,
                    user_id TEXT NOT NULL,
                    username TEXT,
                    display_name TEXT,
                    message_id TEXT,
                    update_id INTEGER,
                    prompt TEXT NOT NULL,
                    sent_at REAL NOT NULL,
                    queued_at REAL NOT NULL,
                    started_at REAL
                );
                CREATE INDEX prompt_intake_by_update ON prompt_intake (platform, update_id);
                """)
        }
        // SPEC §15, §18: a Slack voice note or file is kept as `preparing` while it is downloaded and transcribed, so
        // a crash then still reaches its sender. SQLite cannot change a CHECK constraint, so the table is rebuilt.
        migrator.registerMigration("v3: prompts being prepared") { db in
            try db.execute(sql: """
                CREATE TABLE prompt_intake_v3 (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    job_id TEXT NOT NULL UNIQUE,
                    state TEXT NOT NULL CHECK (state IN ('preparing', 'queued', 'running', 'finished')),
                    platform TEXT NOT NULL,
                    chat_id TEXT NOT NULL,
                    thread_id TEXT,
                    user_id TEXT NOT NULL,
                    username TEXT,
                    display_name TEXT,
                    message_id TEXT,
                    update_id INTEGER,
                    prompt TEXT NOT NULL,
                    sent_at REAL NOT NULL,
                    queued_at REAL NOT NULL,
                    started_at REAL
                );
                INSERT INTO prompt_intake_v3 SELECT * FROM prompt_intake;
                DROP TABLE prompt_intake;
                ALTER TABLE prompt_intake_v3 RENAME TO prompt_intake;
                CREATE INDEX prompt_intake_by_update ON prompt_intake (platform, update_id);
                """)
        }
        // SPEC §16: the tools a job used (a JSON array of names, in order of first use) and the claude session it ran
        // in: a chat's conversations are its jobs grouped by session. Rows from before have no session and no tools.
        migrator.registerMigration("v4: tools used and session in the job history") { db in
            try db.execute(sql: """
                ALTER TABLE job_history ADD COLUMN tools_used TEXT NOT NULL DEFAULT '[]';
                ALTER TABLE job_history ADD COLUMN session_id TEXT;
                CREATE INDEX job_history_by_session ON job_history (platform, chat_id, user_id, session_id);
                """)
        }
        // SPEC §13: every decided tool request, for `GET /v1/approvals/history`.
        migrator.registerMigration("v5: approval decisions") { db in
            try db.execute(sql: """
                CREATE TABLE approval_decisions (
                    id TEXT PRIMARY KEY NOT NULL,
                    job_id TEXT NOT NULL,
                    platform TEXT NOT NULL,
                    user_id TEXT NOT NULL,
                    username TEXT,
                    tool TEXT NOT NULL,
                    summary TEXT NOT NULL,
                    decision TEXT NOT NULL,
                    decided_by TEXT NOT NULL,
                    via TEXT NOT NULL,
                    asked_at REAL NOT NULL,
                    decided_at REAL NOT NULL
                );
                CREATE INDEX approval_decisions_by_decided_at ON approval_decisions (decided_at);
                """)
        }
        return migrator
    }

    /// How long a finished prompt's row may wait for the stored Telegram offset to pass it: Telegram keeps an update
    /// for 24 hours, so after that it is never offered again.
    static let finishedPromptRetention: Double = 24 * 60 * 60

    /// Deletes all but the newest `retainedRows` rows of job history (by end), of denied-access records (by last
    /// attempt) and of approval decisions, and finished prompts Telegram can no longer offer again. These tables only
    /// grow while the daemon runs, so pruning at start keeps them bounded across restarts.
    /// - Returns: how many rows were deleted.
    static func prune(_ db: Database, retainedRows: Int) throws -> Int {
        try db.execute(
            sql: """
                DELETE FROM job_history WHERE id IN (
                    SELECT id FROM job_history ORDER BY ended_at DESC LIMIT -1 OFFSET ?)
                """,
            arguments: [retainedRows])
        var deleted = db.changesCount
        try db.execute(
            sql: """
                DELETE FROM denied_access WHERE id IN (
                    SELECT id FROM denied_access ORDER BY last_at DESC LIMIT -1 OFFSET ?)
                """,
            arguments: [retainedRows])
        deleted += db.changesCount
        try db.execute(
            sql: """
                DELETE FROM approval_decisions WHERE id IN (
                    SELECT id FROM approval_decisions ORDER BY decided_at DESC LIMIT -1 OFFSET ?)
                """,
            arguments: [retainedRows])
        deleted += db.changesCount
        try db.execute(
            sql: "DELETE FROM prompt_intake WHERE state = 'finished' AND queued_at < ?",
            arguments: [Date().timeIntervalSince1970 - finishedPromptRetention])
        deleted += db.changesCount
        return deleted
    }
}
