import Foundation
import GRDB
import Shared

/// Stored prompts are rows of `prompt_intake`, one column per field (the user and the address flattened).
extension StoredPrompt: FetchableRecord, PersistableRecord {
    static let databaseTableName = "prompt_intake"

    init(row: Row) throws {
        guard let platform = Platform(rawValue: row["platform"]) else {
            throw DatabaseError(message: "prompt_intake: unknown platform \(String(describing: row["platform"]))")
        }
        guard let state = State(rawValue: row["state"]) else {
            throw DatabaseError(message: "prompt_intake: unknown state \(String(describing: row["state"]))")
        }
        self.init(
            jobID: row["job_id"], state: state,
            user: ChatUser(
                platform: platform, id: row["user_id"], username: row["username"], displayName: row["display_name"]),
            address: ChatAddress(platform: platform, chatID: row["chat_id"], threadID: row["thread_id"]),
            messageID: row["message_id"], updateID: row["update_id"], prompt: row["prompt"],
            sentAt: Date(timeIntervalSince1970: row["sent_at"]), queuedAt: Date(timeIntervalSince1970: row["queued_at"]),
            startedAt: (row["started_at"] as Double?).map(Date.init(timeIntervalSince1970:)))
    }

    func encode(to container: inout PersistenceContainer) throws {
        container["job_id"] = jobID
        container["state"] = state.rawValue
        container["platform"] = address.platform.rawValue
        container["chat_id"] = address.chatID
        container["thread_id"] = address.threadID
        container["user_id"] = user.id
        container["username"] = user.username
        container["display_name"] = user.displayName
        container["message_id"] = messageID
        container["update_id"] = updateID
        container["prompt"] = prompt
        container["sent_at"] = sentAt.timeIntervalSince1970
        container["queued_at"] = queuedAt.timeIntervalSince1970
        container["started_at"] = startedAt?.timeIntervalSince1970
    }
}
