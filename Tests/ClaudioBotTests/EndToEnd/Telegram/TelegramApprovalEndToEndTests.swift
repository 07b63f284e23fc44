import FakeTelegram
import Foundation
import Shared
import Testing

@testable import ClaudioBot

@Suite("Tool approval through the built binary on Telegram: buttons, who may press, timeout, the operator", .serialized)
struct TelegramApprovalEndToEndTests {
    private let user = TelegramDaemonHarness.authorizedUser
    private let stranger = TelegramDaemonHarness.strangerUser
    private static let asking = ["SKIP_PERMISSIONS": "false"]

    /// The question message in the user's chat, once it has buttons; it replies to the prompt's message.
    private func question(_ fake: FakeTelegramServer, chat: Int64) async throws -> FakeTelegramMessage {
        let call = try await fake.waitForCall("a question with buttons") { call in
            call.method == "sendMessage" && call.succeeded && (call.parameters["reply_markup"]?.contains("callback_data") ?? false)
        }
        #expect(call.parameters["reply_parameters"]?.contains(#""message_id":"#) == true)
        return try #require(await fake.state.messages(inChat: chat).last { !$0.buttons.isEmpty })
    }

    @Test("Allow: the question shows the command, the press is answered, claude gets allow, the buttons go")
    func allow() async throws {
        try await TelegramDaemonHarness.with { harness in
            let fake = harness.fake
            let daemon = try await harness.start(Self.asking)
            await fake.sendText("ASK Bash touch made-by-claude", from: user, username: "alice")
            let asked = try await question(fake, chat: user)
            #expect(asked.text.hasPrefix("🔐 Claude wants to use Bash"))
            #expect(asked.text.contains("touch made-by-claude"))
            #expect(asked.buttons.map { $0.map(\.text) } == [["Allow", "Deny"], ["Allow Bash for this job"]])
            #expect(asked.buttons.joined().allSatisfy { $0.data.count == 32 })
            #expect(try await daemon.client.jobs().jobs.first?.state == .waitingApproval)
            let waiting = try await daemon.client.approvals().approvals
            #expect(waiting.map(\.summary) == ["touch made-by-claude"])

            let press = try await fake.press("Allow", inChat: user, from: user, username: "alice")
            let answer = try await fake.waitForPressAnswer(press)
            #expect(answer.parameters["text"] == "✅ Allowed")
            #expect(answer.parameters["show_alert"] == "false")
            try await fake.waitForText(#""behavior":"allow""#, inChat: user)
            let settled = try #require(await fake.state.messages(inChat: user).first { $0.messageID == asked.messageID })
            #expect(settled.text.hasSuffix("✅ Allowed by @alice"))
            #expect(settled.buttons.isEmpty)
            let history = try await daemon.client.approvalHistory().decisions
            #expect(history.map(\.decision) == [.allow])
            #expect(history.first?.decidedBy == String(user))
            #expect(history.first?.via == .telegram)
        }
    }

    @Test("someone else's press gets an alert and changes nothing; Deny then reaches claude as a deny; stale presses")
    func othersThenDeny() async throws {
        try await TelegramDaemonHarness.with { harness in
            let fake = harness.fake
            _ = try await harness.start(Self.asking)
            await fake.sendText("ASK Bash rm -rf /", from: user, username: "alice")
            let asked = try await question(fake, chat: user)
            let allow = try #require(asked.buttons.joined().first { $0.text == "Allow" })
            let intruder = await fake.state.enqueueCallbackQuery(
                data: allow.data, from: stranger, username: "mallory", messageID: asked.messageID, chatID: user)
            let refusal = try await fake.waitForPressAnswer(intruder)
            #expect(refusal.parameters["text"] == "Only @alice can answer this")
            #expect(refusal.parameters["show_alert"] == "true")
            let forged = await fake.state.enqueueCallbackQuery(
                data: "allow", from: user, username: "alice", messageID: asked.messageID, chatID: user)
            #expect(try await fake.waitForPressAnswer(forged).parameters["text"] == "This request is no longer waiting")

            let press = try await fake.press("Deny", inChat: user, from: user, username: "alice")
            try await fake.waitForPressAnswer(press)
            try await fake.waitForText(#""message":"Denied by @alice""#, inChat: user)
            let stale = await fake.state.enqueueCallbackQuery(
                data: allow.data, from: user, username: "alice", messageID: asked.messageID, chatID: user)
            #expect(try await fake.waitForPressAnswer(stale).parameters["text"] == "This request is no longer waiting")
            let settled = try #require(await fake.state.messages(inChat: user).first { $0.messageID == asked.messageID })
            #expect(settled.text.hasSuffix("❌ Denied by @alice"))
        }
    }

    @Test("Allow <Tool> for this job answers the same tool's next request without asking again")
    func forThisJob() async throws {
        try await TelegramDaemonHarness.with { harness in
            let fake = harness.fake
            let daemon = try await harness.start(Self.asking)
            await fake.sendText("ASK_TWICE Bash make", from: user, username: "alice")
            _ = try await question(fake, chat: user)
            let press = try await fake.press("Allow Bash for this job", inChat: user, from: user, username: "alice")
            try await fake.waitForPressAnswer(press)
            let answer = try await fake.waitForAnswer(containing: "second:", inChat: user)
            #expect(answer.text?.components(separatedBy: #""behavior":"allow""#).count == 3)
            #expect(await fake.state.messages(inChat: user).filter { $0.text.hasPrefix("🔐") }.count == 1)
            let history = try await daemon.client.approvalHistory().decisions
            #expect(history.map(\.decision) == [.allowJob, .allowJob])
            #expect(Set(history.map(\.via)) == [.telegram, .job])
        }
    }

    @Test("no answer within APPROVAL_TIMEOUT denies; /cancel while a question waits ends it")
    func timeoutAndCancel() async throws {
        try await TelegramDaemonHarness.with { harness in
            let fake = harness.fake
            let daemon = try await harness.start(Self.asking.merging(["APPROVAL_TIMEOUT": "1"]) { $1 })
            await fake.sendText("ASK Bash sleep 1", from: user, username: "alice")
            try await fake.waitForText("No answer in 1 s", inChat: user)
            try await fake.waitForText("⌛ No answer in 1 s — denied", inChat: user)
            let decided = try await daemon.client.approvalHistory().decisions
            #expect(decided.map(\.decision) == [.timeout] && decided.first?.decidedBy == "timeout")
        }
        try await TelegramDaemonHarness.with { harness in
            let fake = harness.fake
            let daemon = try await harness.start(Self.asking)
            await fake.sendText("ASK Bash sleep 1", from: user, username: "alice")
            let asked = try await question(fake, chat: user)
            await fake.sendText("/cancel", from: user, username: "alice")
            try await fake.waitForText("🛑 Cancelled", inChat: user)
            try await fake.waitForText("— job ended", inChat: user)
            _ = await ProcessLiveness.waitUntil { (try? await daemon.client.approvalHistory().decisions.count) == 1 }
            let decided = try await daemon.client.approvalHistory().decisions
            #expect(decided.map(\.decision) == [.ended] && decided.first?.via == .job)
            let settled = try #require(await fake.state.messages(inChat: user).first { $0.messageID == asked.messageID })
            #expect(settled.buttons.isEmpty)
        }
    }

    @Test("the operator answers through the API and through `claudio approve` / `claudio deny`")
    func operatorAnswers() async throws {
        try await TelegramDaemonHarness.with { harness in
            let fake = harness.fake
            let daemon = try await harness.start(Self.asking)
            await fake.sendText("ASK Bash ls", from: user, username: "alice")
            _ = try await question(fake, chat: user)
            let id = try #require(try await daemon.client.approvals().approvals.first?.id)
            let decided = try await daemon.client.decide(approvalID: id, OperatorDecision(decision: .allow))
            #expect(decided == OperatorDecisionResponse(id: id, decision: .allow))
            try await fake.waitForText("✅ Allowed by the operator", inChat: user)
            await #expect(throws: AdminClientError.refused(status: 409, message: "approval request \(id) is no longer waiting")) {
                try await daemon.client.decide(approvalID: id, OperatorDecision(decision: .deny))
            }
            await #expect(throws: AdminClientError.self) {
                try await daemon.client.decide(approvalID: "unknown", OperatorDecision(decision: .deny))
            }

            let mark = await fake.mark()
            await fake.sendText("ASK Write notes.txt", from: user, username: "alice")
            _ = try await fake.waitForCall("the second question") {
                $0.sequence >= mark && $0.method == "sendMessage" && ($0.text?.contains("Write") ?? false)
            }
            let second = try #require(try await daemon.client.approvals().approvals.first?.id)
            let listed = try await ClaudioBinary.run(
                ["approvals", "--socket", daemon.socketPath], environment: ["PATH": "/usr/bin:/bin"], in: daemon.directory.path)
            #expect(listed.status == .exited(0))
            #expect(listed.standardOutputText.contains(second))
            let denied = try await ClaudioBinary.run(
                ["deny", second, "--socket", daemon.socketPath], environment: ["PATH": "/usr/bin:/bin"],
                in: daemon.directory.path)
            #expect(denied.status == .exited(0), "\(denied.standardErrorText)")
            try await fake.waitForText(#""message":"Denied by the operator""#, inChat: user)
            let again = try await ClaudioBinary.run(
                ["approve", second, "--socket", daemon.socketPath], environment: ["PATH": "/usr/bin:/bin"],
                in: daemon.directory.path)
            #expect(again.status == .exited(1))
            #expect(again.standardErrorText.contains("no longer waiting"))
            let history = try await daemon.client.approvalHistory().decisions
            #expect(history.map(\.via) == [.cli, .api])
            #expect(history.map(\.decidedBy) == ["operator", "operator"])
        }
    }

    @Test("AskUserQuestion: the options are buttons; the chosen label is claude's answer")
    func askUserQuestion() async throws {
        try await TelegramDaemonHarness.with { harness in
            let fake = harness.fake
            _ = try await harness.start(Self.asking)
            await fake.sendText("QUESTION", from: user, username: "alice")
            let asked = try await question(fake, chat: user)
            #expect(asked.text.contains("Which colour?"))
            #expect(asked.buttons.map { $0.map(\.text) } == [["Red", "Blue"]])
            let press = try await fake.press("Blue", inChat: user, from: user, username: "alice")
            try await fake.waitForPressAnswer(press)
            try await fake.waitForText(#""answers":{"Which colour?":"Blue"}"#, inChat: user)
            try await fake.waitForText("✅ Answered by @alice: Blue", inChat: user)
        }
    }
}

@Suite("/sessions with Resume buttons through the built binary on Telegram (SPEC §16)", .serialized)
struct TelegramSessionsEndToEndTests {
    private let user = TelegramDaemonHarness.authorizedUser

    @Test("Resume on an older conversation makes the next prompt continue it; another user's press is refused")
    func resume() async throws {
        try await TelegramDaemonHarness.with { harness in
            let fake = harness.fake
            let daemon = try await harness.start()
            await fake.sendText("first conversation", from: user, username: "alice")
            try await fake.waitForText("echo: first conversation", inChat: user)
            await fake.sendText("/new", from: user, username: "alice")
            await fake.sendText("second conversation", from: user, username: "alice")
            try await fake.waitForText("echo: second conversation", inChat: user)
            // A job enters the history just after its answer is delivered; /sessions lists from the history.
            let recorded = await ProcessLiveness.waitUntil {
                (try? await daemon.client.history().jobs.count) == 2
            }
            #expect(recorded, "both jobs are in the history")
            let sessions = harness.claude.recordedSessions
            #expect(sessions.count == 2)

            await fake.sendText("/sessions", from: user, username: "alice")
            let list = try await fake.waitForText("Press a number to continue", inChat: user)
            #expect(list.text?.contains("second conversation") == true)
            let listed = try #require(await fake.state.messages(inChat: user).last { !$0.buttons.isEmpty })
            #expect(listed.buttons.joined().map(\.text) == ["▶️ 1", "▶️ 2"])

            let other = await fake.state.enqueueCallbackQuery(
                data: listed.buttons.joined().last!.data, from: 77, username: "mallory", messageID: listed.messageID,
                chatID: user)
            #expect(try await fake.waitForPressAnswer(other).parameters["text"] == "These buttons are @alice's")

            let press = try await fake.press("▶️ 2", inChat: user, from: user, username: "alice")
            let answer = try await fake.waitForPressAnswer(press)
            #expect(answer.parameters["text"] == "▶️ Your next prompt continues conversation 2")
            await fake.sendText("third prompt", from: user, username: "alice")
            try await fake.waitForText("echo: third prompt", inChat: user)
            let argv = try #require(harness.claude.arguments(ofRunsWithPrompt: "third prompt").first)
            let resumed = try #require(argv.firstIndex(of: "--resume")).advanced(by: 1)
            #expect(argv[resumed] == sessions[0])
        }
    }
}
