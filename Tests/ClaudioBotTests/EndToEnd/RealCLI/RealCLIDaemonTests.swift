import FakeTelegram
import Foundation
import Shared
import Testing

@testable import ClaudioBot

/// The built `claudio run` with the Telegram channel (a fake Bot API) running the real Claude Code CLI against a fake
/// Anthropic API: what a user and an operator see.
@Suite(
    "The real Claude Code CLI through the built daemon and Telegram", .serialized, RealClaudeCLI.installed,
    .fakeAnthropic)
struct RealCLIDaemonTests {
    static let user = RealCLIDaemon.user

    @Test("a prompt sent on Telegram is answered by the model through the real CLI")
    func plainPrompt() async throws {
        try await RealCLIDaemon.with { telegram, _ in
            let prompt = "hello through Telegram \(UUID().uuidString.prefix(8))"
            await telegram.sendText(prompt, from: Self.user)
            try await telegram.waitForText("Echo: \(prompt)", inChat: Self.user, timeout: .seconds(30))
        }
    }

    @Test(
        "Claude's send_file puts a workspace file in the chat: tool approval on, off, and with ALLOWED_TOOLS restricted",
        arguments: [
            ["SKIP_PERMISSIONS": "false"], ["SKIP_PERMISSIONS": "true"],
            ["SKIP_PERMISSIONS": "true", "ALLOWED_TOOLS": "Read"],
        ])
    func sendFile(settings: [String: String]) async throws {
        let input = #"{"path": "report.txt", "caption": "here"}"#
        try await RealCLIDaemon.with(settings) { directory in
            try Data("quarterly numbers\n".utf8).write(to: URL(fileURLWithPath: directory + "/report.txt"))
            return ([:], [])
        } _: { telegram, _ in
            await telegram.sendText("RUNTOOL: mcp__claudio__send_file \(input)", from: Self.user)
            let document = try await telegram.waitForCall("the report by sendDocument", timeout: .seconds(60)) {
                $0.method == "sendDocument" && $0.succeeded
            }
            #expect(document.parameters["document"] == "quarterly numbers\n")
            #expect(document.parameters["document.filename"] == "report.txt" && document.parameters["caption"] == "here")
            try await telegram.waitForText(
                "Tool finished: sent report.txt (18 bytes) to the chat", inChat: Self.user, timeout: .seconds(60))
            let texts = await telegram.state.messages(inChat: Self.user).map(\.text)
            #expect(!texts.contains { $0.contains("🔐") }, "a question was asked: \(texts)")
        }
    }

    @Test("COMMAND_TIMEOUT: the user is told, and no process of the job survives")
    func timeout() async throws {
        try await RealCLIDaemon.expectTimeoutLeavesNothing()
    }

    @Test("claudio kill through the admin API stops the job's whole tree and tells the user")
    func adminKill() async throws {
        try await RealCLIDaemon.with { telegram, daemon in
            await telegram.sendText(RealClaudeCLI.longToolPrompt, from: Self.user)
            let watch = try await RealCLIDaemon.watchRunningJob(of: daemon)
            let started = await ProcessLiveness.waitUntil(timeout: .seconds(20)) {
                await watch.sawCommand(RealClaudeCLI.longToolProcess)
            }
            #expect(started, "the Bash tool's command did not start")
            let killed = try await daemon.client.kill(jobID: watch.tag)
            #expect(killed.killed)
            #expect(killed.processes >= 2, "killed \(killed.processes) processes")
            try await telegram.waitForText(KillReason.admin.userMessage(timeoutSeconds: 0), inChat: Self.user)
            await RealCLIDaemon.expectNothingLeft(of: watch)
            // The job leaves the list once its executor returns, just after the user was told.
            let listed = await ProcessLiveness.waitUntil(timeout: .seconds(10)) {
                (try? await daemon.client.jobs().jobs.isEmpty) ?? false
            }
            #expect(listed)
        }
    }
}
