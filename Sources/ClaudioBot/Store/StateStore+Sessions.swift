import Foundation
import GRDB

/// Claude sessions per (platform, chat, user), in the `sessions` table.
extension StateStore: SessionStore {
    func sessionID(for key: SessionKey) async -> String? {
        await read("the session of \(key.description)", fallback: nil) { db in
            try String.fetchOne(
                db,
                sql: "SELECT session_id FROM sessions WHERE platform = ? AND chat_id = ? AND user_id = ?",
                arguments: [key.platform.rawValue, key.chatID, key.userID])
        }
    }

    func save(
        sessionID: String, for key: SessionKey, unlessSuperseded superseded: @escaping @Sendable () -> Bool
    ) async {
        let now = Date().timeIntervalSince1970
        await write("the session of \(key.description)") { db in
            // Asked inside the write: every forget handed over before this write is applied by now.
            guard !superseded() else { return }
            try db.execute(
                sql: """
                    INSERT INTO sessions (platform, chat_id, user_id, session_id, updated_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (platform, chat_id, user_id)
                    DO UPDATE SET session_id = excluded.session_id, updated_at = excluded.updated_at
                    """,
                arguments: [key.platform.rawValue, key.chatID, key.userID, sessionID, now])
        }
    }

    func forget(_ key: SessionKey) async {
        await write("the removal of the session of \(key.description)") { db in
            try db.execute(
                sql: "DELETE FROM sessions WHERE platform = ? AND chat_id = ? AND user_id = ?",
                arguments: [key.platform.rawValue, key.chatID, key.userID])
        }
    }
}

extension SessionKey {
    /// For log lines: "telegram chat 42 user 7".
    fileprivate var description: String { "\(platform.rawValue) chat \(chatID) user \(userID)" }
}
