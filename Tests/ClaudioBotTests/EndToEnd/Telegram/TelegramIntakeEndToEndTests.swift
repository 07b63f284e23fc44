import Foundation
import Shared
import Testing

@testable import ClaudioBot

/// SPEC §18 through the built binary: failed writes pause polling and show in `/v1/status`, no chat's stuck send holds
/// up another, a full backlog sheds strangers only, and `/new` always wins.
@Suite("Telegram through the binary: failed writes, stuck chats, the backlog, /new", .serialized)
struct TelegramIntakeEndToEndTests {
    private let user = TelegramDaemonHarness.authorizedUser
    private let stranger = TelegramDaemonHarness.strangerUser
    private let group: Int64 = -100_777

    private func telegramStatus(_ daemon: DaemonProcess) async -> ChannelStatus? {
        try? await daemon.client.status().channels.first { $0.name == .telegram }
    }

    @Test("a locked state database: polling pauses and /v1/status says why; the prompts run once writes work again")
    func failedWritesPausePolling() async throws {
        try await TelegramDaemonHarness.with { harness in
            let fake = harness.fake
            let daemon = try await harness.start()
            let database = harness.directory.path + "/state/" + StateStore.fileName

            // The offset: /help is answered, but the offset after it cannot be stored, so nothing more is fetched.
            var lock = try await DatabaseWriteLock.hold(database)
            await fake.sendText("/help", from: user)
            try await fake.waitForText("/new — start a new conversation", inChat: user)
            let offsetFails = await ProcessLiveness.waitUntil(timeout: .seconds(30)) {
                await telegramStatus(daemon)?.lastError?.contains("cannot store the Telegram update offset") == true
            }
            #expect(offsetFails, "\(daemon.stderr)")
            #expect(await telegramStatus(daemon)?.connected == false)
            await fake.sendText("after the lock", from: user)
            await lock.release()
            try await fake.waitForText("echo: after the lock", inChat: user, timeout: .seconds(30))
            #expect(await ProcessLiveness.waitUntil { await telegramStatus(daemon)?.connected == true })

            // The intake: the prompt is fetched but cannot be stored, so it waits and nothing runs.
            lock = try await DatabaseWriteLock.hold(database)
            await fake.sendText("stored late", from: user)
            let intakeFails = await ProcessLiveness.waitUntil(timeout: .seconds(30)) {
                await telegramStatus(daemon)?.lastError?.contains("cannot store accepted prompts") == true
            }
            #expect(intakeFails, "\(daemon.stderr)")
            #expect(!harness.prompts.contains("stored late"))
            await lock.release()
            try await fake.waitForText("echo: stored late", inChat: user, timeout: .seconds(30))
            #expect(await ProcessLiveness.waitUntil { await telegramStatus(daemon)?.lastError == nil })
            #expect(harness.prompts.sorted() == ["after the lock", "stored late"])
            #expect(await daemon.terminate().code == 0)
        }
    }

    @Test("a chat whose sends are stuck does not delay another chat: its prompt starts and is answered meanwhile")
    func stuckChatDoesNotDelayOthers() async throws {
        try await TelegramDaemonHarness.with { harness in
            let fake = harness.fake
            _ = try await harness.start()
            await fake.state.holdSends(toChat: user)
            await fake.sendText("/help", from: user)
            #expect(await ProcessLiveness.waitUntil { await fake.state.heldSendCount == 1 })
            await fake.sendText("hello", from: user, chatID: group, chatType: "supergroup")
            try await fake.waitForText("echo: hello", inChat: group)
            #expect(await fake.state.heldSendCount == 1)
            #expect(await fake.successfulCalls("sendMessage", toChat: user).isEmpty)
            await fake.state.releaseSends()
            try await fake.waitForText("/new — start a new conversation", inChat: user)
        }
    }

    @Test("a full backlog sheds strangers' updates with a log line, never an authorized user's")
    func backlogShedsStrangersOnly() async throws {
        try await TelegramDaemonHarness.with { harness in
            let fake = harness.fake
            let daemon = try await harness.start()
            let limit = DaemonParts.Tuning.standard.telegramBacklogLimit
            await fake.state.holdSends()
            await fake.state.batch { state in
                for chat in 1...Int64(limit) {
                    state.enqueueMessage(text: "/help", from: 42, chatID: -chat, chatType: "group")
                }
                state.enqueueMessage(text: "let me in", from: 99)
                state.enqueueMessage(text: "after the flood", from: 42)
            }
            #expect(await ProcessLiveness.waitUntil(timeout: .seconds(30)) { await fake.state.heldSendCount == limit })
            #expect(await daemon.waitForLog("shedding strangers' updates (no reply) until the backlog drains"))
            #expect(await daemon.waitForLog("authorized users' updates wait at Telegram until handlers catch up"))
            await fake.state.releaseSends()
            try await fake.waitForText("echo: after the flood", inChat: user, timeout: .seconds(30))
            #expect(await fake.successfulCalls("sendMessage", toChat: stranger).isEmpty)
            #expect(try await daemon.client.denied(limit: 5).denied.contains { $0.userID == String(stranger) })
        }
    }

    @Test("/new sent right after an answer: the next prompt starts a new conversation, the one after resumes it")
    func newRightAfterAnAnswer() async throws {
        try await TelegramDaemonHarness.with { harness in
            let fake = harness.fake
            _ = try await harness.start()
            await fake.sendText("one", from: user)
            try await fake.waitForText("echo: one", inChat: user)
            await fake.state.batch { state in
                state.enqueueMessage(text: "/new", from: 42)
                state.enqueueMessage(text: "two", from: 42)
            }
            try await fake.waitForText("echo: two", inChat: user)
            await fake.sendText("three", from: user)
            try await fake.waitForText("echo: three", inChat: user)
            let two = try #require(harness.claude.arguments(ofRunsWithPrompt: "two").first)
            #expect(!two.contains("--resume"), "\(two)")
            let three = try #require(harness.claude.arguments(ofRunsWithPrompt: "three").first)
            let sessions = harness.claude.recordedSessions
            #expect(sessions.count == 3)
            #expect(three.firstIndex(of: "--resume").map { three[$0 + 1] } == sessions[1])
        }
    }
}
