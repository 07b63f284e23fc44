import Foundation
import Shared
import Testing

@testable import ClaudioBot

@Suite("Telegram through the built binary and a fake Bot API", .serialized)
struct TelegramEndToEndTests {
    private let user = TelegramDaemonHarness.authorizedUser
    private let stranger = TelegramDaemonHarness.strangerUser

    @Test("an authorized prompt: typing, progress edits in the placeholder, then the answer")
    func authorizedPrompt() async throws {
        try await TelegramDaemonHarness.with { harness in
            let fake = harness.fake
            _ = try await harness.start()
            await fake.sendText("PROGRESS go", from: user)
            try await fake.waitForText("Read: /etc/hostname", inChat: user)
            try await fake.waitForText("done after progress", inChat: user)
            let edits = await fake.successfulCalls("editMessageText", toChat: user).compactMap(\.text)
            #expect(edits.first == JobMessages.progress("📖 Read: /etc/hostname", platform: .telegram))
            #expect(edits.last == "done after progress")
            let messages = await fake.state.messages(inChat: user)
            #expect(messages.map(\.text) == ["done after progress"])
            #expect(await !fake.successfulCalls("sendChatAction", toChat: user).isEmpty)
        }
    }

    @Test("a 60 000-character answer is its first message plus the whole text as answer-<job id>.md")
    func hugeAnswer() async throws {
        try await TelegramDaemonHarness.with { harness in
            let fake = harness.fake
            _ = try await harness.start()
            await fake.sendText("HUGE", from: user)
            let document = try await fake.waitForCall("the answer as a document", timeout: .seconds(30)) {
                $0.method == "sendDocument" && $0.succeeded
            }
            let name = try #require(document.parameters["document.filename"])
            #expect(name.hasPrefix("answer-") && name.hasSuffix(".md"))
            let text = try #require(document.parameters["document"])
            #expect(text.count > 60_000 && text.hasSuffix("line 1500 of a very long answer, padded to forty"))
            let messages = await fake.state.messages(inChat: user)
            #expect(messages.count == 2, "\(messages.map(\.text.count))")
            #expect(messages.first?.text.hasPrefix("line 1 of a very long answer") == true)
        }
    }

    @Test("two users competing for two slots: one user's second chat waits, the other user's prompt runs at once")
    func fairSlots() async throws {
        try await TelegramDaemonHarness.with { harness in
            let fake = harness.fake
            let daemon = try await harness.start([
                "MAX_CONCURRENT_JOBS": "2", "ALLOWED_USER_IDS": "\(user),\(stranger)",
            ])
            let group: Int64 = -100_777
            await fake.sendText("SLEEP one", from: user)
            await fake.sendText("SLEEP two", from: user, chatID: group, chatType: "group")
            try await fake.waitForText("Queued — position 1", inChat: group)
            await fake.sendText("hello", from: stranger)
            try await fake.waitForText("echo: hello", inChat: stranger)
            let jobs = try await daemon.client.jobs().jobs
            // The stranger's job may still be finishing; the first user holds exactly one slot.
            #expect(jobs.filter { $0.state == .running && $0.userID == String(user) }.count == 1)
            #expect(jobs.filter { $0.state == .queued }.map(\.chatID) == [String(group)])
        }
    }

    @Test("a stranger's /myid flood and a 429 with a long retry_after on their reply do not slow an allowed user down")
    func strangersCannotStallTheBot() async throws {
        try await TelegramDaemonHarness.with { harness in
            let fake = harness.fake
            _ = try await harness.start()
            // The stranger's first reply meets a 429 that would hold the whole bot for a minute if it applied to it.
            await fake.inject(.tooManyRequests(retryAfter: 60), on: "sendMessage")
            await fake.sendText("/myid", from: stranger, username: "mallory")
            try await fake.waitForCall("the stranger's rate-limited reply") {
                $0.method == "sendMessage" && $0.status == 429 && $0.chatID == String(stranger)
            }
            for _ in 0..<50 { await fake.sendText("/myid", from: stranger, username: "mallory") }
            await fake.sendText("are you there", from: user)
            try await fake.waitForText("echo: are you there", inChat: user, timeout: .seconds(15))
            let toStranger = await fake.state.calls("sendMessage").filter { $0.chatID == String(stranger) }
            #expect(toStranger.count == 1, "one /myid answer per minute, and a 429 is not resent: \(toStranger)")
        }
    }

    @Test("a stranger: one denial, a denied record, no claude process; /myid answered with the ID")
    func strangerIsDenied() async throws {
        try await TelegramDaemonHarness.with { harness in
            let fake = harness.fake
            let daemon = try await harness.start()
            await fake.sendText("rm -rf /", from: stranger, username: "mallory")
            await fake.sendText("please", from: stranger, username: "mallory")
            await fake.sendText("/myid", from: stranger, username: "mallory")
            try await fake.waitForText("ALLOWED_USER_IDS=\(stranger)", inChat: stranger)
            let texts = await fake.successfulCalls("sendMessage", toChat: stranger).compactMap(\.text)
            #expect(texts.filter { $0 == GateReplies.accessDenied }.count == 1)
            #expect(texts.last?.contains("ID: \(stranger)") == true)
            #expect(texts.last?.contains("Authorized: no") == true)
            #expect(harness.claude.recordedPIDs.isEmpty)
            let denied = try await daemon.client.denied(limit: 10).denied
            let notAllowed = try #require(denied.first { $0.reason == .notAllowed })
            #expect(notAllowed.userID == String(stranger) && notAllowed.username == "mallory")
            #expect(notAllowed.count == 2)
            #expect(["rm -rf /", "please"].contains(notAllowed.excerpt))
            #expect(denied.contains { $0.reason == .myID && $0.userID == String(stranger) })
        }
    }

    @Test("the rate limit answers with the seconds left and the configured limit")
    func rateLimit() async throws {
        try await TelegramDaemonHarness.with { harness in
            let fake = harness.fake
            _ = try await harness.start(["RATE_LIMIT_REQUESTS": "1", "RATE_LIMIT_WINDOW": "60"])
            await fake.sendText("one", from: user)
            try await fake.waitForText("echo: one", inChat: user)
            await fake.sendText("two", from: user)
            let reply = try await fake.waitForText("Rate limit exceeded", inChat: user)
            let text = try #require(reply.text)
            let seconds = try #require(
                text.firstMatch(of: /please wait (\d+) seconds \(limit: 1 requests per 60 seconds\)\./)?.1)
            #expect((50...60).contains(Int(seconds) ?? 0), "\(text)")
            #expect(harness.prompts == ["one"])
        }
    }

    @Test("an over-long message is refused with its exact length in Unicode scalars")
    func tooLong() async throws {
        try await TelegramDaemonHarness.with { harness in
            let fake = harness.fake
            _ = try await harness.start(["MAX_INPUT_LENGTH": "20"])
            await fake.sendText(String(repeating: "x", count: 24) + "🙂", from: user)
            try await fake.waitForText("❌ Message too long: 25 characters (max 20).", inChat: user)
            #expect(harness.claude.recordedPIDs.isEmpty)
        }
    }

    @Test("--version as a prompt reaches the model as text on stdin, never as an option")
    func optionLikePrompt() async throws {
        try await TelegramDaemonHarness.with { harness in
            let fake = harness.fake
            _ = try await harness.start()
            await fake.sendText("--version", from: user)
            try await fake.waitForText("echo: --version", inChat: user)
            #expect(harness.prompts == ["--version"])
            for argv in harness.claude.files(prefix: "argv.") {
                #expect(!argv.split(separator: "\n").contains("--version"))
            }
        }
    }

    @Test("a 429 on sendMessage is waited out and the answer still arrives")
    func sendRateLimited() async throws {
        try await TelegramDaemonHarness.with { harness in
            let fake = harness.fake
            _ = try await harness.start()
            await fake.inject(.tooManyRequests(retryAfter: 1), on: "sendMessage")
            await fake.sendText("hello", from: user)
            try await fake.waitForText("echo: hello", inChat: user)
            #expect(await fake.state.calls("sendMessage").first?.status == 429)
        }
    }

    @Test("getUpdates failing with 502 for a while recovers without losing the queued message")
    func pollingRecovers() async throws {
        try await TelegramDaemonHarness.with { harness in
            let fake = harness.fake
            await fake.inject(.serverError(502), on: "getUpdates", count: 3)
            await fake.sendText("still here", from: user)
            let daemon = try await harness.start()
            try await fake.waitForText("echo: still here", inChat: user, timeout: .seconds(30))
            #expect(await fake.state.calls("getUpdates").prefix(3).allSatisfy { $0.status == 502 })
            let telegram = try await daemon.client.status().channels.first { $0.name == .telegram }
            #expect(telegram?.connected == true)
            #expect(telegram?.lastError == nil)
        }
    }

    @Test("a malformed update is skipped and logged; the next message is served")
    func malformedUpdate() async throws {
        try await TelegramDaemonHarness.with { harness in
            let fake = harness.fake
            let daemon = try await harness.start()
            let bad = await fake.state.enqueue(rawFields: #""message":{"message_id":{"nested":true},"chat":"nowhere"}"#)
            await fake.sendText("after garbage", from: user)
            try await fake.waitForText("echo: after garbage", inChat: user)
            #expect(daemon.stderr.contains("skipping malformed Telegram update \(bad)"))
        }
    }

    @Test("after a restart a handled message does not run again, even if Telegram offers it again")
    func restart() async throws {
        try await TelegramDaemonHarness.with { harness in
            let fake = harness.fake
            let first = try await harness.start()
            let firstID = await fake.sendText("first", from: user)
            try await fake.waitForText("echo: first", inChat: user)
            #expect(await first.terminate().code == 0)
            await fake.state.redeliver(updateID: firstID)
            _ = try await harness.start()
            await fake.sendText("second", from: user)
            try await fake.waitForText("echo: second", inChat: user)
            #expect(harness.prompts.sorted() == ["first", "second"])
        }
    }

    @Test("a message older than OFFLINE_MESSAGE_MAX_AGE gets the notice and is not run")
    func offlineMessage() async throws {
        try await TelegramDaemonHarness.with { harness in
            let fake = harness.fake
            await fake.sendText("stale", from: user, date: Date().addingTimeInterval(-700))
            await fake.sendText("fresh", from: user)
            _ = try await harness.start(["OFFLINE_MESSAGE_MAX_AGE": "600"])
            try await fake.waitForText("while Claudio was offline (limit 600 s)", inChat: user)
            try await fake.waitForText("echo: fresh", inChat: user)
            #expect(harness.prompts == ["fresh"])
        }
    }

    @Test("a 6000-character answer arrives as two messages, the first replacing the placeholder")
    func longAnswer() async throws {
        try await TelegramDaemonHarness.with { harness in
            let fake = harness.fake
            _ = try await harness.start()
            await fake.sendText("LONG", from: user)
            try await fake.waitForCall("the second part") { call in
                call.method == "sendMessage" && call.succeeded && call.text?.hasPrefix("aaaa") == true
            }
            let messages = await fake.state.messages(inChat: user)
            #expect(messages.map(\.text.count) == [4000, 2000])
            #expect(messages.allSatisfy { $0.text.allSatisfy { $0 == "a" } })
            #expect(messages.first?.editCount ?? 0 >= 1)
        }
    }

    @Test("a token Telegram rejects at start: exit code 3, a clear message, and no token in the output")
    func rejectedToken() async throws {
        try await TelegramDaemonHarness.with { harness in
            let token = "987654:WRONG-secret-token-never-printed"
            let daemon = try harness.launch(["TELEGRAM_BOT_TOKEN": token])
            let exited = await ProcessLiveness.waitUntil(timeout: .seconds(30)) { daemon.process.exitStatus != nil }
            try #require(exited, "the daemon kept running:\n\(daemon.stderr)")
            #expect(daemon.process.exitStatus == .exited(3), "\(daemon.stderr)")
            #expect(daemon.stderr.contains("Telegram rejected TELEGRAM_BOT_TOKEN"))
            #expect(!daemon.stderr.contains(token))
            #expect(!daemon.stderr.contains("WRONG-secret"))
            #expect(await harness.fake.state.calls("getUpdates").isEmpty)
        }
    }
}
