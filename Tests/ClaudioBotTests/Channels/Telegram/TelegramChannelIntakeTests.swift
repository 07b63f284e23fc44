import Foundation
import Shared
import Testing

@testable import ClaudioBot

/// SPEC §18 in process: no update confirmed before it is safe, no chat's sends holding up another, a bounded backlog,
/// stored prompts resumed, failed writes pausing polling.
@Suite("Telegram channel: the intake, turn-taking across chats, the backlog and failed writes")
struct TelegramChannelIntakeTests {
    private let user = TelegramChannelHarness.authorizedUser
    private let stranger = TelegramChannelHarness.strangerUser
    private let group: Int64 = -100_777

    @Test("an authorized prompt is in the intake before its job starts; only then does the offset pass it")
    func promptStoredBeforeItRuns() async throws {
        try await TelegramChannelHarness.with { harness in
            let fake = harness.fake
            try await harness.serving(harness.makeChannel()) {
                // The placeholder is held up by a 429, so the job is still running while we look.
                await fake.inject(.tooManyRequests(retryAfter: 1), on: "sendMessage")
                let updateID = await fake.sendText("hi", from: user)
                try await fake.waitForCall("the rate-limited placeholder") { $0.method == "sendMessage" && $0.status == 429 }
                let stored = await harness.store.storedPrompts(on: .telegram)
                #expect(stored.map(\.updateID) == [updateID])
                #expect(stored.first?.prompt == "hi")
                let confirmed = await ProcessLiveness.waitUntil { await harness.store.telegramOffset() == updateID + 1 }
                #expect(confirmed)
                try await fake.waitForText("echo: hi", inChat: user)
            }
        }
    }

    @Test("a chat whose send is stuck holds the offset back but not another chat's prompt")
    func stuckChatDoesNotHoldOthers() async throws {
        try await TelegramChannelHarness.with { harness in
            let fake = harness.fake
            try await harness.serving(harness.makeChannel()) {
                await fake.state.holdSends(toChat: user)
                let help = await fake.sendText("/help", from: user)
                #expect(await ProcessLiveness.waitUntil { await fake.state.heldSendCount == 1 })
                let hello = await fake.sendText("hello", from: user, chatID: group, chatType: "supergroup")
                try await fake.waitForText("echo: hello", inChat: group)
                #expect(await fake.successfulCalls("sendMessage", toChat: user).isEmpty)
                #expect(try #require(await harness.store.telegramOffset()) <= help)
                #expect(await fake.state.confirmedOffset <= help, "confirmed while /help was still being answered")

                await fake.state.releaseSends()
                try await fake.waitForText("/new — start a new conversation", inChat: user)
                #expect(await ProcessLiveness.waitUntil { await harness.store.telegramOffset() == hello + 1 })
            }
        }
    }

    @Test("a full backlog sheds strangers' updates, unanswered, and keeps authorized users' for later")
    func backlogShedsStrangers() async throws {
        try await TelegramChannelHarness.with { harness in
            let fake = harness.fake
            try await harness.serving(harness.makeChannel(backlogLimit: 2)) {
                try await fake.waitForMethod("getUpdates")
                await fake.state.holdSends()
                await fake.state.batch { state in
                    state.enqueueMessage(text: "/help", from: 42, chatID: -1, chatType: "group")
                    state.enqueueMessage(text: "/help", from: 42, chatID: -2, chatType: "group")
                    state.enqueueMessage(text: "let me in", from: 99)
                    state.enqueueMessage(text: "/help", from: 42, chatID: -3, chatType: "group")
                }
                #expect(await ProcessLiveness.waitUntil { await fake.state.heldSendCount == 2 })
                #expect(await ProcessLiveness.waitUntil { await !harness.router.gate.deniedRecords().isEmpty })
                await fake.state.releaseSends()
                try await fake.waitForText("/new — start a new conversation", inChat: -3)
                #expect(await fake.successfulCalls("sendMessage", toChat: stranger).isEmpty)
                #expect(await fake.successfulCalls("sendMessage", toChat: -1).count == 1)
            }
        }
    }

    @Test("prompts an earlier run stored are resumed, and their updates offered again are not handled twice")
    func storedPromptsResume() async throws {
        try await TelegramChannelHarness.with { harness in
            let fake = harness.fake
            let queued = await fake.sendText("left over", from: user)
            let running = await fake.sendText("was running", from: user)
            let user = ChatUser(platform: .telegram, id: String(user))
            let address = ChatAddress(platform: .telegram, chatID: user.id)
            // Job IDs tag the jobs' processes: unique ones keep tests running side by side apart.
            let run = UUID().uuidString.prefix(8)
            for (id, updateID, text, state) in [
                ("\(run)-1", running, "was running", StoredPrompt.State.running),
                ("\(run)-2", queued, "left over", .queued),
            ] {
                try await harness.store.storePrompt(
                    StoredPrompt(
                        jobID: id, state: state, user: user, address: address, messageID: nil, updateID: updateID,
                        prompt: text, sentAt: Date(), queuedAt: Date()))
            }
            try await harness.serving(harness.makeChannel()) {
                try await fake.waitForText("echo: left over", inChat: self.user)
                try await fake.waitForText("was not run again", inChat: self.user)
                await fake.sendText("next", from: self.user)
                try await fake.waitForText("echo: next", inChat: self.user)
            }
            #expect(harness.prompts.sorted() == ["left over", "next"])
            // A job leaves the intake with its history row, just after its answer was delivered.
            #expect(await ProcessLiveness.waitUntil { await harness.store.storedPrompts(on: .telegram).isEmpty })
        }
    }

    @Test("a failed offset write pauses polling and shows in health; polling resumes once the write succeeds")
    func offsetWriteFailurePausesPolling() async throws {
        try await TelegramChannelHarness.with(busyTimeout: 0.05) { harness in
            let fake = harness.fake
            let channel = harness.makeChannel()
            try await harness.serving(channel) {
                try await fake.waitForMethod("getUpdates")
                let stored = await harness.store.telegramOffset()
                let lock = try await DatabaseWriteLock.hold(harness.store.path)
                let help = await fake.sendText("/help", from: user)
                try await fake.waitForText("/new — start a new conversation", inChat: user)
                let paused = await ProcessLiveness.waitUntil {
                    await channel.health().lastError?.contains("cannot store the Telegram update offset") == true
                }
                #expect(paused)
                #expect(await channel.health().connected == false)
                await fake.sendText("during", from: user)
                // Absence takes a moment to show: the poller keeps retrying the write, and must not poll meanwhile.
                try await Task.sleep(for: .milliseconds(300))
                let polls = await fake.state.calls("getUpdates").compactMap { $0.parameters["offset"].flatMap(Int64.init) }
                #expect(polls.allSatisfy { $0 <= (stored ?? help) }, "polled with an offset that is not stored: \(polls)")
                await lock.release()
                try await fake.waitForText("echo: during", inChat: user)
                #expect(await ProcessLiveness.waitUntil { await channel.health().connected })
                #expect(harness.prompts == ["during"])
            }
        }
    }

    @Test("a failed intake write holds the prompt and polling, shows in health, and the prompt runs once it succeeds")
    func intakeWriteFailureHoldsThePrompt() async throws {
        try await TelegramChannelHarness.with(busyTimeout: 0.05) { harness in
            let fake = harness.fake
            let channel = harness.makeChannel()
            try await harness.serving(channel) {
                try await fake.waitForMethod("getUpdates")
                let lock = try await DatabaseWriteLock.hold(harness.store.path)
                await fake.sendText("wait for the disk", from: user)
                let paused = await ProcessLiveness.waitUntil {
                    await channel.health().lastError?.contains("cannot store accepted prompts") == true
                }
                #expect(paused)
                #expect(harness.claude.recordedPIDs.isEmpty, "a prompt ran before it was stored")
                await lock.release()
                try await fake.waitForText("echo: wait for the disk", inChat: user)
                #expect(await ProcessLiveness.waitUntil { await channel.health().connected })
                #expect(harness.prompts == ["wait for the disk"])
            }
        }
    }
}
