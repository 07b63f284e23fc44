import Foundation
import GRDB
import Shared

/// A row of `job_history`: the entry the admin API serves, and the claude session the job ran in. The session groups a
/// chat's jobs into conversations (`StateStore.conversations(of:limit:)`) and is never served: it would let a reader
/// resume someone's conversation.
struct JobHistoryRecord: Sendable, Equatable {
    var entry: JobHistoryEntry
    var sessionID: String?

    init(_ entry: JobHistoryEntry, sessionID: String? = nil) {
        self.entry = entry
        self.sessionID = sessionID
    }
}

// Columns are written out here rather than derived from the entry's `Codable`, which is the API's shape (it adds
// `duration_seconds`, it lacks the session).
extension JobHistoryRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "job_history"

    init(row: Row) throws {
        guard let platform = Platform(rawValue: row["platform"]) else {
            throw DatabaseError(message: "job_history: unknown platform \(String(describing: row["platform"]))")
        }
        guard let outcome = JobOutcomeKind(rawValue: row["outcome"]) else {
            throw DatabaseError(message: "job_history: unknown outcome \(String(describing: row["outcome"]))")
        }
        let tools: String = row["tools_used"] ?? "[]"
        entry = JobHistoryEntry(
            origin: JobOrigin(
                id: row["id"], platform: platform, chatID: row["chat_id"], userID: row["user_id"],
                username: row["username"], promptExcerpt: row["prompt_excerpt"]),
            startedAt: Date(timeIntervalSince1970: row["started_at"]),
            endedAt: Date(timeIntervalSince1970: row["ended_at"]),
            outcome: outcome,
            exitCode: row["exit_code"],
            costUSD: row["cost_usd"],
            toolsUsed: try JSONDecoder().decode([String].self, from: Data(tools.utf8)))
        sessionID = row["session_id"]
    }

    func encode(to container: inout PersistenceContainer) throws {
        container["id"] = entry.id
        container["platform"] = entry.platform.rawValue
        container["chat_id"] = entry.chatID
        container["user_id"] = entry.userID
        container["username"] = entry.username
        container["started_at"] = entry.startedAt.timeIntervalSince1970
        container["ended_at"] = entry.endedAt.timeIntervalSince1970
        container["outcome"] = entry.outcome.rawValue
        container["exit_code"] = entry.exitCode
        container["cost_usd"] = entry.costUSD
        container["prompt_excerpt"] = entry.promptExcerpt
        container["tools_used"] = String(decoding: try JSONEncoder().encode(entry.toolsUsed), as: UTF8.self)
        container["session_id"] = sessionID
    }
}
