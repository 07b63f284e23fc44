import Foundation
import Shared

/// One finished job in the history (SPEC §10): who asked, where, when, and how it ended.
struct JobHistoryEntry: Sendable, Equatable, Codable, Identifiable {
    var id: String
    var platform: Platform
    var chatID: String
    var userID: String
    var username: String?
    var startedAt: Date
    var endedAt: Date
    var outcome: JobOutcomeKind
    /// The claude process's exit code; nil when it never exited on its own (killed by a signal, never started).
    var exitCode: Int32?
    /// What claude reported the run cost; nil when it reported nothing (e.g. it was killed first).
    var costUSD: Double?
    var promptExcerpt: String

    enum CodingKeys: String, CodingKey {
        case id
        case platform
        case chatID = "chat_id"
        case userID = "user_id"
        case username
        case startedAt = "started_at"
        case endedAt = "ended_at"
        case outcome
        case exitCode = "exit_code"
        case costUSD = "cost_usd"
        case promptExcerpt = "prompt_excerpt"
    }
}
