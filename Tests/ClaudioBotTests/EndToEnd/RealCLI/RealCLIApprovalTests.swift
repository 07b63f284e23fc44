import FakeTelegram
import Foundation
import Shared
import Testing

@testable import ClaudioBot

/// SKIP_PERMISSIONS=false with the real Claude Code CLI: its `can_use_tool` request becomes a question in Telegram,
/// and the button decides whether the Bash tool runs.
@Suite(
    "Tool approval with the real Claude Code CLI through the built daemon and Telegram", .serialized,
    RealClaudeCLI.installed, .fakeAnthropic)
struct RealCLIApprovalTests {
    static let user = RealCLIDaemon.user

    /// Sends `RUNBASH: touch <file>`, presses `button` under the question, and returns the file's path once claude
    /// has finished.
    private func touch(pressing button: String) async throws -> (path: String, created: Bool) {
        try await RealCLIDaemon.with(["SKIP_PERMISSIONS": "false"]) { telegram, daemon in
            let path = daemon.directory.path + "/touched-\(UUID().uuidString.prefix(8))"
            await telegram.sendText("RUNBASH: touch \(path)", from: Self.user, username: "alice")
            _ = try await telegram.waitForCall("the question", timeout: .seconds(30)) {
                $0.method == "sendMessage" && ($0.text?.contains("Claude wants to use") ?? false)
            }
            let question = await telegram.state.messages(inChat: Self.user).last { !$0.buttons.isEmpty }
            #expect(question?.text.hasPrefix("🔐 Claude wants to use Bash") == true)
            #expect(question?.text.contains("touch \(path)") == true)
            #expect(FileManager.default.fileExists(atPath: path) == false, "nothing runs before the answer")
            let press = try await telegram.press(button, inChat: Self.user, from: Self.user, username: "alice")
            try await telegram.waitForPressAnswer(press)
            try await telegram.waitForText("Tool finished", inChat: Self.user, timeout: .seconds(30))
            return (path, FileManager.default.fileExists(atPath: path))
        }
    }

    @Test("Allow: the CLI runs the command (the file is made)")
    func allow() async throws {
        let outcome = try await touch(pressing: "Allow")
        #expect(outcome.created, "\(outcome.path) was not created")
    }

    @Test("Deny: the CLI does not run it (no file)")
    func deny() async throws {
        let outcome = try await touch(pressing: "Deny")
        #expect(!outcome.created, "\(outcome.path) was created")
    }
}
