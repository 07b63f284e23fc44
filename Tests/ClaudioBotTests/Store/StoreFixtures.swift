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
        cost: Double?
    ) -> JobHistoryEntry {
        JobHistoryEntry(
            origin: JobOrigin(
                id: id, platform: .telegram, chatID: "-100200", userID: "7001",
                username: exitCode == nil ? nil : "alice", promptExcerpt: "refactor the parser"),
            startedAt: Date(timeIntervalSince1970: endedAt - 12.5),
            endedAt: Date(timeIntervalSince1970: endedAt),
            outcome: outcome,
            exitCode: exitCode,
            costUSD: cost
        )
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
