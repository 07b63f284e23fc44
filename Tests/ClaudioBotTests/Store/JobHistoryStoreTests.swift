import Foundation
import GRDB
import Shared
import Testing

@testable import ClaudioBot

@Suite("Job history in SQLite: tools, sessions, cost per user per day, conversations (SPEC §16)")
struct JobHistoryStoreTests {
    static let day = 1_704_067_200.0  // 2024-01-01 00:00:00 UTC

    static func job(
        _ id: String, user: String = "7001", chat: String = "-100200", start: Double, end: Double, cost: Double?,
        prompt: String = "refactor the parser"
    ) -> JobHistoryEntry {
        JobHistoryEntry(
            origin: JobOrigin(id: id, platform: .telegram, chatID: chat, userID: user, promptExcerpt: prompt),
            startedAt: Date(timeIntervalSince1970: start), endedAt: Date(timeIntervalSince1970: end), outcome: .ok,
            exitCode: 0, costUSD: cost)
    }

    @Test("a database of the second schema keeps its history rows, which read back with no tools and no session")
    func migratesFromTheSecondSchema() async throws {
        try await TemporaryStateDirectory.with { root in
            let queue = try DatabaseQueue(path: root + "/" + StateStore.fileName)
            try StateSchema.migrator.migrate(queue, upTo: "v2: prompt intake")
            try await queue.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO job_history (id, platform, chat_id, user_id, username, started_at, ended_at, outcome,
                            exit_code, cost_usd, prompt_excerpt)
                        VALUES ('old', 'telegram', '5', '7', 'ann', 100, 160.5, 'timeout', NULL, 0.02, 'old prompt')
                        """)
            }
            try queue.close()

            let store = try await StateStore.open(stateDirectory: root)
            let old = try #require(await store.recentJobs(limit: 5).first)
            #expect(old.id == "old" && old.outcome == .timeout && old.costUSD == 0.02 && old.username == "ann")
            #expect(old.toolsUsed.isEmpty && old.durationSeconds == 60.5)
            #expect(await store.conversations(of: SessionKey(platform: .telegram, chatID: "5", userID: "7"), limit: 10)
                .isEmpty)
            await store.close()
        }
    }

    @Test("cost per user counts the jobs that ended since the start of the day, and leaves others out")
    func costPerUserToday() async throws {
        try await TemporaryStateDirectory.with { root in
            let store = try await StateStore.open(stateDirectory: root)
            await store.recordJob(Self.job("y", start: Self.day - 100, end: Self.day - 1, cost: 5))
            await store.recordJob(Self.job("a", start: Self.day - 100, end: Self.day + 1, cost: 0.25))
            await store.recordJob(Self.job("b", start: Self.day + 10, end: Self.day + 20, cost: 0.5))
            await store.recordJob(Self.job("c", user: "7002", start: Self.day + 30, end: Self.day + 40, cost: nil))
            await store.recordJob(Self.job("d", user: "7003", start: Self.day + 50, end: Self.day + 60, cost: 1))
            let costs = await store.costsPerUser(endedSince: Date(timeIntervalSince1970: Self.day))
            #expect(costs == [
                UserKey(platform: .telegram, userID: "7001"): 0.75, UserKey(platform: .telegram, userID: "7003"): 1,
            ])
            await store.close()
        }
    }

    @Test("a user's conversations in a chat: newest first, with start, last use, first prompt, prompts and cost")
    func conversations() async throws {
        try await TemporaryStateDirectory.with { root in
            let store = try await StateStore.open(stateDirectory: root)
            let day = Self.day
            await store.recordJob(Self.job("1", start: day, end: day + 10, cost: 0.1, prompt: "first talk"), sessionID: "s1")
            await store.recordJob(Self.job("2", start: day + 20, end: day + 30, cost: 0.2, prompt: "other talk"), sessionID: "s2")
            await store.recordJob(Self.job("3", start: day + 40, end: day + 50, cost: nil, prompt: "more of the first"), sessionID: "s1")
            await store.recordJob(Self.job("4", start: day + 60, end: day + 70, cost: 9, prompt: "no session"))
            await store.recordJob(Self.job("5", user: "7002", start: day + 80, end: day + 90, cost: 9), sessionID: "s3")
            await store.recordJob(Self.job("6", chat: "elsewhere", start: day + 80, end: day + 90, cost: 9), sessionID: "s4")
            let key = SessionKey(platform: .telegram, chatID: "-100200", userID: "7001")
            let found = await store.conversations(of: key, limit: 10)
            #expect(found == [
                ConversationSummary(
                    sessionID: "s1", startedAt: Date(timeIntervalSince1970: day),
                    lastUsedAt: Date(timeIntervalSince1970: day + 50), firstPromptExcerpt: "first talk", promptCount: 2,
                    costUSD: 0.1),
                ConversationSummary(
                    sessionID: "s2", startedAt: Date(timeIntervalSince1970: day + 20),
                    lastUsedAt: Date(timeIntervalSince1970: day + 30), firstPromptExcerpt: "other talk", promptCount: 1,
                    costUSD: 0.2),
            ])
            #expect(await store.conversations(of: key, limit: 1).map(\.sessionID) == ["s1"])
            await store.close()
        }
    }
}
