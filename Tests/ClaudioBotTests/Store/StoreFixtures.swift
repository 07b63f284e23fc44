import Foundation
import Shared

@testable import ClaudioBot

/// Rows for the store's tests, with times that a `Date` and a REAL column both hold exactly.
enum StoreFixtures {
    static func job(
        _ id: String,
        endedAt: Double,
        outcome: JobOutcomeKind,
        exitCode: Int32?,
        cost: Double?,
        tools: [String] = []
    ) -> JobHistoryEntry {
        JobHistoryEntry(
            origin: JobOrigin(
                id: id, platform: .telegram, chatID: "-100200", userID: "7001",
                username: exitCode == nil ? nil : "alice", promptExcerpt: "refactor the parser"),
            startedAt: Date(timeIntervalSince1970: endedAt - 12.5),
            endedAt: Date(timeIntervalSince1970: endedAt),
            outcome: outcome,
            exitCode: exitCode,
            costUSD: cost,
            toolsUsed: tools
        )
    }

    /// A prompt accepted in a Slack thread or (with `updateID`) from a Telegram update.
    static func prompt(
        _ jobID: String, platform: Platform = .telegram, chat: String = "-100200", updateID: Int64? = nil,
        text: String = "refactor the parser"
    ) -> StoredPrompt {
        StoredPrompt(
            jobID: jobID, state: .queued,
            user: ChatUser(platform: platform, id: platform == .slack ? "U02" : "7001", username: "alice",
                displayName: "Alice A."),
            address: ChatAddress(platform: platform, chatID: chat, threadID: platform == .slack ? "1700000000.000100" : nil),
            messageID: "m-\(jobID)", updateID: updateID, prompt: text,
            sentAt: Date(timeIntervalSince1970: 1_700_000_000.5), queuedAt: Date(timeIntervalSince1970: 1_700_000_001.25))
    }

    static func denied(_ id: String, at time: Double, user: String, reason: DeniedReason = .notAllowed) -> DeniedRecord {
        DeniedRecord(
            id: id,
            at: Date(timeIntervalSince1970: time),
            lastAt: Date(timeIntervalSince1970: time),
            platform: .telegram,
            userID: user,
            username: "intruder\(user)",
            chatID: user,
            reason: reason,
            excerpt: "let me in",
            count: 1
        )
    }
}
