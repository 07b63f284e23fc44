import Foundation
import Shared
import Testing

@testable import ClaudioBot

@Suite("Telegram channel against the fake Bot API")
struct TelegramChannelTests {
    private let user = TelegramChannelHarness.authorizedUser
    private let stranger = TelegramChannelHarness.strangerUser

    @Test("at start the channel removes the webhook keeping updates, registers the menu, and polls for messages")
    func startup() async throws {
        try await TelegramChannelHarness.with { harness in
            let fake = harness.fake
            try await harness.serving(harness.makeChannel()) {
                let poll = try await fake.waitForMethod("getUpdates")
                #expect(poll.parameters["allowed_updates"] == #"["message","edited_message","callback_query"]"#)
                #expect(poll.parameters["timeout"] == "5")
                let webhook = try await fake.waitForMethod("deleteWebhook")
                #expect(webhook.parameters["drop_pending_updates"] == "false")
                let menu = try await fake.waitForMethod("setMyCommands")
                #expect(menu.parameters["commands"]?.contains(#""command":"myid""#) == true)
                #expect(poll.sequence > menu.sequence)
                #expect(await harness.makeChannel().health() == .starting)
            }
        }
    }

    @Test("an authorized prompt shows progress in the placeholder, then the answer replaces it")
    func authorizedPrompt() async throws {
        try await TelegramChannelHarness.with { harness in
            let fake = harness.fake
            let channel = harness.makeChannel()
            try await harness.serving(channel) {
                await fake.sendText("PROGRESS please", from: user)
                try await fake.waitForText("ls -la", inChat: user)
                try await fake.waitForText("done after progress", inChat: user)
                let messages = await fake.state.messages(inChat: user)
                #expect(messages.map(\.text) == ["done after progress"])
                #expect(messages.first?.editCount ?? 0 >= 2)
                #expect(await channel.health().connected)
            }
        }
    }

    @Test("a stranger gets one denial for many prompts, nothing runs, and /myid is answered with the ID")
    func strangerIsDenied() async throws {
        try await TelegramChannelHarness.with { harness in
            let fake = harness.fake
            try await harness.serving(harness.makeChannel()) {
                await fake.sendText("hello", from: stranger, username: "mallory")
                await fake.sendText("hello again", from: stranger, username: "mallory")
                await fake.sendText("/myid", from: stranger, username: "mallory")
                try await fake.waitForText("ALLOWED_USER_IDS=\(stranger)", inChat: stranger)
                let texts = await fake.successfulCalls("sendMessage", toChat: stranger).compactMap(\.text)
                #expect(texts.filter { $0 == GateReplies.accessDenied }.count == 1)
                #expect(texts.last?.contains("ID: \(stranger)") == true)
                #expect(texts.last?.contains("Username: @mallory") == true)
                #expect(harness.claude.recordedPIDs.isEmpty)
                let denied = await harness.router.gate.deniedRecords()
                #expect(denied.contains { $0.reason == .myID })
                #expect(denied.contains { $0.reason == .notAllowed })
            }
        }
    }

    @Test("commands reach the router; @otherbot commands are ignored and unknown ones get a hint")
    func commands() async throws {
        try await TelegramChannelHarness.with { harness in
            let fake = harness.fake
            try await harness.serving(harness.makeChannel()) {
                await fake.sendText("/help", from: user)
                try await fake.waitForText("/new — start a new conversation", inChat: user)
                await fake.sendText("/new@claudio_test_bot", from: user)
                try await fake.waitForText(ChatTexts.newConversation, inChat: user)
                await fake.sendText("/status", from: user)
                try await fake.waitForText("Claude CLI: available (9.9.9 (Fake Claude Code))", inChat: user)
                await fake.sendText("/cancel", from: user)
                try await fake.waitForText(ChatTexts.nothingToCancel, inChat: user)
                await fake.sendText("/status@some_other_bot", from: user)
                await fake.sendText("/deploy", from: user)
                try await fake.waitForText(ChatTexts.unknownCommand("deploy"), inChat: user)
                let statuses = await fake.successfulCalls("sendMessage", toChat: user).filter {
                    $0.text?.hasPrefix("📊") == true
                }
                #expect(statuses.count == 1)
                #expect(harness.claude.recordedPIDs.isEmpty)
            }
        }
    }

    @Test("stickers and edits get a text-only hint for authorized users and nothing for others, groups included")
    func nonTextMessages() async throws {
        try await TelegramChannelHarness.with { harness in
            let fake = harness.fake
            try await harness.serving(harness.makeChannel()) {
                let group: Int64 = -1_001_234
                await fake.state.enqueueMessage(text: nil, from: stranger, chatID: group, chatType: "supergroup")
                await fake.state.enqueueMessage(text: nil, from: stranger)
                await fake.state.enqueueMessage(text: nil, from: user, chatID: group, chatType: "supergroup")
                await fake.state.enqueueMessage(text: "changed", from: user, edited: true)
                try await fake.waitForText(ChatTexts.textOnly, inChat: group)
                try await fake.waitForText(ChatTexts.textOnly, inChat: user)
                #expect(await fake.successfulCalls("sendMessage", toChat: stranger).isEmpty)
                #expect(await fake.successfulCalls("sendMessage", toChat: group).count == 1)
                #expect(harness.claude.recordedPIDs.isEmpty)
            }
        }
    }

    @Test("a prompt that looks like an option reaches claude as text on stdin")
    func optionLikePrompt() async throws {
        try await TelegramChannelHarness.with { harness in
            let fake = harness.fake
            try await harness.serving(harness.makeChannel()) {
                await fake.sendText("--version", from: user)
                try await fake.waitForText("echo: --version", inChat: user)
                #expect(harness.prompts == ["--version"])
            }
        }
    }

    @Test("a stranger's denial is best effort: a 429 drops it, it is never resent, and an allowed user is answered")
    func strangersRepliesAreBestEffort() async throws {
        try await TelegramChannelHarness.with { harness in
            let fake = harness.fake
            try await harness.serving(harness.makeChannel()) {
                await fake.inject(.tooManyRequests(retryAfter: 1), on: "sendMessage")
                let updateID = await fake.sendText("hi", from: stranger)
                try await fake.waitForCall("the rate-limited denial") { $0.method == "sendMessage" && $0.status == 429 }
                let stored = await ProcessLiveness.waitUntil(timeout: .seconds(10)) {
                    await harness.store.telegramOffset() == updateID + 1
                }
                #expect(stored, "the stranger's update is handled without waiting for the reply")
                await fake.sendText("after", from: user)
                try await fake.waitForText("echo: after", inChat: user)
                // A resend would come once retry_after (1 s) has passed: give it twice that, then count.
                let resent = await ProcessLiveness.waitUntil(timeout: .seconds(2)) {
                    await fake.state.calls("sendMessage").filter { $0.parameters["chat_id"] == String(stranger) }.count > 1
                }
                #expect(!resent, "a reply to a stranger is never resent")
            }
        }
    }

    @Test("after a restart the stored offset is used, so a handled message does not run again")
    func restartDoesNotRepeat() async throws {
        try await TelegramChannelHarness.with { harness in
            let fake = harness.fake
            let firstID = await fake.sendText("first", from: user)
            let first = try await harness.serving(harness.makeChannel()) {
                try await fake.waitForText("echo: first", inChat: user)
            }
            #expect(throws: Never.self) { try first.get() }
            // As if the confirming poll had never reached Telegram.
            await fake.state.redeliver(updateID: firstID)
            let mark = await fake.mark()
            try await harness.serving(harness.makeChannel()) {
                let poll = try await fake.waitForMethod("getUpdates", after: mark)
                let stored = try #require(await harness.store.telegramOffset())
                #expect(poll.parameters["offset"] == String(stored))
                await fake.sendText("second", from: user)
                try await fake.waitForText("echo: second", inChat: user)
            }
            #expect(harness.prompts.sorted() == ["first", "second"])
        }
    }

    @Test("getUpdates failing with 502, dropped connections and garbage recovers without losing the message")
    func pollingRecovers() async throws {
        try await TelegramChannelHarness.with { harness in
            let fake = harness.fake
            await fake.inject(.serverError(502), on: "getUpdates", count: 3)
            await fake.inject(.dropConnection, on: "getUpdates")
            await fake.inject(.malformedBody, on: "getUpdates")
            await fake.sendText("queued while failing", from: user)
            let channel = harness.makeChannel()
            try await harness.serving(channel) {
                try await fake.waitForText("echo: queued while failing", inChat: user)
                let polls = await fake.state.calls("getUpdates")
                #expect(polls.prefix(5).map(\.fault) == [
                    .serverError(502), .serverError(502), .serverError(502), .dropConnection, .malformedBody,
                ])
                #expect(await channel.health() == ChannelHealth(connected: true, lastError: nil, lastErrorAt: nil))
            }
        }
    }

    @Test("409 is reported in health until polling works again")
    func conflictInHealth() async throws {
        try await TelegramChannelHarness.with { harness in
            let fake = harness.fake
            await fake.inject(.conflict, on: "getUpdates", count: 8)
            let channel = harness.makeChannel()
            try await harness.serving(channel) {
                let reported = await ProcessLiveness.waitUntil {
                    await channel.health().lastError?.contains("409 Conflict: terminated by other getUpdates") == true
                }
                #expect(reported)
                #expect(await channel.health().connected == false)
                // Health turns good when a poll returns; a message makes the recovering poll return at once.
                await fake.sendText("are you back?", from: user)
                try await fake.waitForText("echo: are you back?", inChat: user)
                #expect(await channel.health() == ChannelHealth(connected: true, lastError: nil, lastErrorAt: nil))
            }
        }
    }

    @Test("a malformed update is skipped and confirmed; the next one is handled")
    func malformedUpdateSkipped() async throws {
        try await TelegramChannelHarness.with { harness in
            let fake = harness.fake
            try await harness.serving(harness.makeChannel()) {
                let bad = await fake.state.enqueue(rawFields: #""message":{"message_id":"x","chat":5}"#)
                await fake.sendText("after the bad one", from: user)
                try await fake.waitForText("echo: after the bad one", inChat: user)
                #expect(try #require(await harness.store.telegramOffset()) > bad + 1)
            }
        }
    }

    @Test("a message that waited longer than OFFLINE_MESSAGE_MAX_AGE gets the notice and does not run")
    func offlineMessage() async throws {
        try await TelegramChannelHarness.with(environment: ["OFFLINE_MESSAGE_MAX_AGE": "600"]) { harness in
            let fake = harness.fake
            try await harness.serving(harness.makeChannel()) {
                await fake.sendText("old news", from: user, date: Date().addingTimeInterval(-700))
                try await fake.waitForText("while Claudio was offline (limit 600 s)", inChat: user)
                #expect(harness.claude.recordedPIDs.isEmpty)
            }
        }
    }

    @Test("a token Telegram rejects at start ends run() with credentialsRejected, without the token in it")
    func rejectedToken() async throws {
        let token = "999:WRONG-token-that-must-not-leak"
        try await TelegramChannelHarness.with(token: token) { harness in
            let outcome = try await harness.serving(harness.makeChannel()) {
                try await harness.fake.waitForMethod("getMe")
                try await Task.sleep(for: .milliseconds(200))
            }
            guard case .failure(ChannelError.credentialsRejected(.telegram, let detail)) = outcome else {
                Issue.record("unexpected outcome \(outcome)")
                return
            }
            #expect(detail.contains("401"))
            let message = ChannelError.credentialsRejected(platform: .telegram, detail: detail).description
            #expect(!message.contains(token))
        }
    }

    @Test("a token revoked while polling ends run() with credentialsRejected")
    func revokedWhilePolling() async throws {
        try await TelegramChannelHarness.with { harness in
            let channel = harness.makeChannel()
            let outcome = try await harness.serving(channel) {
                try await harness.fake.waitForMethod("getUpdates")
                await harness.fake.inject(.unauthorized, on: "getUpdates")
                await harness.fake.sendText("wake the poll", from: user)
                try await harness.fake.waitForCall("the 401") { $0.fault == .unauthorized }
                try await Task.sleep(for: .milliseconds(200))
            }
            guard case .failure(ChannelError.credentialsRejected) = outcome else {
                Issue.record("unexpected outcome \(outcome)")
                return
            }
        }
    }

    @Test("cancelling run() ends a long poll promptly")
    func cancellationIsPrompt() async throws {
        try await TelegramChannelHarness.with { harness in
            let channel = harness.makeChannel(pollTimeout: 30)
            let running = Task { try await channel.run() }
            try await harness.fake.waitForMethod("getUpdates")
            #expect(await ProcessLiveness.waitUntil { await harness.fake.state.pollsInProgress == 1 })
            let started = ContinuousClock.now
            running.cancel()
            try await running.value
            // Well under the 30 s poll: cancellation ended it, on however loaded a machine.
            #expect(ContinuousClock.now - started < .seconds(20))
        }
    }

    @Test("a 429 on getUpdates waits retry_after before polling again")
    func pollRateLimited() async throws {
        try await TelegramChannelHarness.with { harness in
            let fake = harness.fake
            await fake.inject(.tooManyRequests(retryAfter: 1), on: "getUpdates")
            await fake.sendText("after the wait", from: user)
            try await harness.serving(harness.makeChannel()) {
                try await fake.waitForText("echo: after the wait", inChat: user)
                let polls = await fake.state.calls("getUpdates")
                #expect(polls.first?.status == 429)
                let wait = try #require(polls.dropFirst().first).receivedAt - polls[0].receivedAt
                #expect(wait >= .seconds(1))
            }
        }
    }
}
