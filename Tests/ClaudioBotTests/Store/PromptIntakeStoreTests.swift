import ClaudioTestSupport
import Foundation
import GRDB
import Shared
import Testing

@testable import ClaudioBot

@Suite("Prompt intake in SQLite: accepted prompts until their job has finished (SPEC §18)")
struct PromptIntakeStoreTests {
    @Test("a database of the first schema gains the intake table and keeps its rows")
    func migratesFromTheFirstSchema() async throws {
        try await TemporaryStateDirectory.with { root in
            let path = root + "/" + StateStore.fileName
            let queue = try DatabaseQueue(path: path)
            try StateSchema.migrator.migrate(queue, upTo: "v1: sessions, telegram offset, job history, denied access")
            try await queue.write { db in
                try db.execute(sql: "INSERT INTO telegram_offset (id, next_offset) VALUES (1, 77)")
                #expect(try !db.tableExists("prompt_intake"))
            }
            try queue.close()

            let store = try await StateStore.open(stateDirectory: root)
            #expect(await store.telegramOffset() == 77)
            try await store.storePrompt(StoreFixtures.prompt("j1"))
            #expect(await store.storedPrompts(on: .telegram).map(\.jobID) == ["j1"])
            await store.close()
        }
    }

    @Test("a v2 database keeps its rows through the rebuild that lets a row be 'preparing' (SPEC §15)")
    func migratesToPreparingRows() async throws {
        try await TemporaryStateDirectory.with { root in
            let queue = try DatabaseQueue(path: root + "/" + StateStore.fileName)
            try StateSchema.migrator.migrate(queue, upTo: "v2: prompt intake")
            try await queue.write { db in
                try db.execute(sql: """
                    INSERT INTO prompt_intake (job_id, state, platform, chat_id, user_id, update_id, prompt, sent_at,
                        queued_at)
                    VALUES ('j-old', 'queued', 'telegram', '-100', '7001', 9, 'an old prompt', 1, 2)
                    """)
            }
            try queue.close()

            let store = try await StateStore.open(stateDirectory: root)
            var preparing = StoreFixtures.prompt("j-voice", platform: .slack, chat: "C01", text: "voice note")
            preparing.state = .preparing
            try await store.storePrompt(preparing)
            #expect(await store.storedPrompts(on: .slack).map(\.state) == [.preparing])
            try await store.storePreparedPrompt(
                jobID: "j-voice", prompt: "the transcript", queuedAt: Date(timeIntervalSince1970: 1_800_000_000))
            let prepared = try #require(await store.storedPrompts(on: .slack).first)
            #expect(prepared.state == .queued && prepared.prompt == "the transcript")
            #expect(prepared.queuedAt == Date(timeIntervalSince1970: 1_800_000_000))
            #expect(await store.storedPrompts(on: .telegram).map(\.jobID) == ["j-old"])
            #expect(await store.storedTelegramUpdates(from: 0) == [9])
            await store.close()
        }
    }

    @Test("a stored row rebuilds the message, the address with its thread, and the job under its ID, after a reopen")
    func rowRebuildsTheJob() async throws {
        try await TemporaryStateDirectory.with { root in
            let slack = StoreFixtures.prompt("j-slack", platform: .slack, chat: "C01", text: "line one\nline two")
            let telegram = StoreFixtures.prompt("j-telegram", updateID: 5_000_000_001)
            let first = try await StateStore.open(stateDirectory: root)
            try await first.storePrompt(slack)
            try await first.storePrompt(telegram)
            await first.close()

            let second = try await StateStore.open(stateDirectory: root)
            let stored = try #require(await second.storedPrompts(on: .slack).first)
            #expect(stored == slack)
            #expect(await second.storedPrompts(on: .telegram) == [telegram])
            let message = stored.message
            #expect(message.user == ChatUser(platform: .slack, id: "U02", username: "alice", displayName: "Alice A."))
            #expect(message.address == ChatAddress(platform: .slack, chatID: "C01", threadID: "1700000000.000100"))
            #expect(message.text == "line one\nline two" && message.messageID == "m-j-slack")
            #expect(message.sentAt == Date(timeIntervalSince1970: 1_700_000_000.5))
            let replier = RecordingReplier()
            let job = stored.job(replier: replier)
            #expect(job.id == "j-slack" && job.prompt == "line one\nline two" && job.address == message.address)
            #expect(job.queuedAt == Date(timeIntervalSince1970: 1_700_000_001.25))
            #expect(job.replier as? RecordingReplier === replier)
            #expect(telegram.message.updateID == 5_000_000_001)
            await second.close()
        }
    }

    @Test("rows come back in the order they were accepted, per platform, with the running ones marked")
    func orderAndState() async throws {
        try await TemporaryStateDirectory.with { root in
            let store = try await StateStore.open(stateDirectory: root)
            for (index, chat) in ["a", "b", "a", "c"].enumerated() {
                try await store.storePrompt(StoreFixtures.prompt("j\(index)", chat: chat))
            }
            try await store.storePrompt(StoreFixtures.prompt("s0", platform: .slack))
            let started = Date(timeIntervalSince1970: 1_700_000_100.5)
            try await store.markPromptRunning(jobID: "j2", at: started)
            let stored = await store.storedPrompts(on: .telegram)
            #expect(stored.map(\.jobID) == ["j0", "j1", "j2", "j3"])
            #expect(stored.map(\.state) == [.queued, .queued, .running, .queued])
            #expect(stored[2].startedAt == started)
            #expect(await store.storedPrompts(on: .slack).map(\.jobID) == ["s0"])
            await store.close()
        }
    }

    @Test("a finished job records its history row and leaves the intake in one step")
    func finishRecordsHistory() async throws {
        try await TemporaryStateDirectory.with { root in
            let store = try await StateStore.open(stateDirectory: root)
            try await store.storePrompt(StoreFixtures.prompt("j1", platform: .slack))
            let entry = StoreFixtures.job("j1", endedAt: 1_700_000_050, outcome: .ok, exitCode: 0, cost: 0.01)
            await store.finishPrompt(jobID: "j1", recording: JobHistoryRecord(entry))
            #expect(await store.storedPrompts(on: .slack).isEmpty)
            #expect(await store.recentJobs(limit: 5) == [entry])
            let rows = try await TemporaryStateDirectory.inspect(store.path) { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM prompt_intake") ?? -1
            }
            #expect(rows == 0)
            await store.close()
        }
    }

    @Test("a finished Telegram prompt is remembered until the stored offset passes its update, then forgotten")
    func finishedTelegramPromptsWaitForTheOffset() async throws {
        try await TemporaryStateDirectory.with { root in
            let store = try await StateStore.open(stateDirectory: root)
            try await store.saveTelegramOffset(100)
            try await store.storePrompt(StoreFixtures.prompt("before", updateID: 99))
            try await store.storePrompt(StoreFixtures.prompt("at", updateID: 100))
            try await store.storePrompt(StoreFixtures.prompt("after", updateID: 104))
            #expect(await store.storedTelegramUpdates(from: 100) == [100, 104])

            await store.finishPrompt(jobID: "before", recording: nil)
            await store.finishPrompt(jobID: "at", recording: nil)
            // Telegram may still offer update 100 after a crash: the finished row is how it is recognized.
            #expect(await store.storedTelegramUpdates(from: 100) == [100, 104])
            #expect(await store.storedTelegramUpdates(from: nil) == [100, 104])
            #expect(await store.storedPrompts(on: .telegram).map(\.jobID) == ["after"])

            try await store.saveTelegramOffset(101)
            #expect(await store.storedTelegramUpdates(from: nil) == [104])
            await store.close()
        }
    }

    @Test("with no offset stored yet, a finished Telegram prompt stays remembered")
    func finishedWithoutOffset() async throws {
        try await TemporaryStateDirectory.with { root in
            let store = try await StateStore.open(stateDirectory: root)
            try await store.storePrompt(StoreFixtures.prompt("first", updateID: 7))
            await store.finishPrompt(jobID: "first", recording: nil)
            #expect(await store.storedTelegramUpdates(from: nil) == [7])
            await store.close()
        }
    }

    @Test("storing a prompt fails loudly while another process holds the write lock, and works once it is let go")
    func storeFailsWhileLocked() async throws {
        try await TemporaryStateDirectory.with { root in
            let store = try await StateStore.open(stateDirectory: root, busyTimeout: 0.05)
            let lock = try await DatabaseWriteLock.hold(store.path)
            await #expect(throws: (any Error).self) { try await store.storePrompt(StoreFixtures.prompt("j1")) }
            await #expect(throws: (any Error).self) { try await store.saveTelegramOffset(5) }
            await lock.release()
            try await store.storePrompt(StoreFixtures.prompt("j1"))
            try await store.saveTelegramOffset(5)
            #expect(await store.storedPrompts(on: .telegram).count == 1)
            await store.close()
        }
    }
}
