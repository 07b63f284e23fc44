import FakeTelegram
import Foundation
import Shared
import Testing

@testable import ClaudioBot

/// SPEC §12 in the sandbox (the default `JOB_SANDBOX=auto` with bubblewrap installed), through the built daemon,
/// Telegram and the real Claude Code CLI whose Bash tool tries what a prompt-injected job would.
@Suite(
    "The real CLI in the sandbox: no token, no daemon files, no admin socket, nothing outside the workspace, nothing left",
    .serialized, RealClaudeCLI.installed, .fakeAnthropic)
struct RealCLISandboxTests {
    static let user = RealCLIDaemon.user

    /// What the model's Bash tool answered, as the user sees it in the answer.
    static func toolOutput(_ telegram: FakeTelegramServer) async throws -> String {
        let call = try await telegram.waitForAnswer(containing: "Tool finished:", inChat: user, timeout: .seconds(60))
        return try FakeTelegramHTML.visibleText(try #require(call.text))
    }

    @Test("the job cannot read the token (env file, environment, the daemon's /proc), list the daemon's directories, use the admin socket or write outside")
    func containment() async throws {
        let escape = "claudio-escape-\(UInt32.random(in: 1...UInt32.max))"
        try await RealCLIDaemon.with(
            prepare: { directory in
                try FileManager.default.createDirectory(atPath: directory + "/locks", withIntermediateDirectories: true)
                try "ENVFILE_MARKER=in-the-env-file\n".write(
                    toFile: directory + "/claudio.env", atomically: true, encoding: .utf8)
                return (["CLAUDIO_LOCK_DIR": directory + "/locks"], ["--env-file", directory + "/claudio.env"])
            }
        ) { telegram, daemon in
            let status = try await daemon.client.status()
            #expect(status.sandbox == SandboxStatus(mode: .bwrap), "bubblewrap is installed by scripts/setup.sh")
            let home = daemon.directory.path
            let token = try #require(daemon.environment["TELEGRAM_BOT_TOKEN"])
            let probe = [
                "echo envfile:[$(cat \(home)/claudio.env 2>/dev/null)]",
                "echo environ:[$(env | grep -c -e TELEGRAM -e CLAUDIO_STATE)]",
                "echo daemonproc:[$(cat /proc/\(daemon.pid)/environ 2>/dev/null | tr '\\0' ' ' | head -c 300)]",
                "echo state:[$(ls -A \(home)/state 2>&1)]", "echo run:[$(ls -A \(home)/run 2>&1)]",
                "echo locks:[$(ls -A \(home)/locks 2>&1)]",
                "echo admin:[$(curl -s --max-time 3 --unix-socket \(home)/run/admin.sock http://x/v1/status 2>&1)]",
                "touch /var/tmp/\(escape) 2>/dev/null && echo wrote-outside",
                "echo done",
            ].joined(separator: "; ")
            await telegram.sendText("RUNBASH: " + probe, from: Self.user)
            let output = try await Self.toolOutput(telegram)
            #expect(output.contains("done"), "\(output)")
            #expect(!output.contains(token) && !output.contains(String(token.split(separator: ":").last ?? "")))
            #expect(output.contains("envfile:[]") && !output.contains("in-the-env-file"), "\(output)")
            #expect(output.contains("environ:[0]"), "\(output)")
            #expect(output.contains("daemonproc:[]"), "\(output)")
            #expect(output.contains("state:[]") && output.contains("run:[]") && output.contains("locks:[]"), "\(output)")
            #expect(!output.contains("\"version\"") && !output.contains("claude_cli"), "\(output)")
            #expect(!output.contains("wrote-outside"))
            #expect(!FileManager.default.fileExists(atPath: "/var/tmp/" + escape))
        }
    }

    @Test("a timed-out job that started a double-forked, environment-cleared process leaves nothing behind")
    func timeoutLeavesNothing() async throws {
        let seconds = "1000.\(UInt32.random(in: 1...UInt32.max))"
        let prompt = "RUNBASH: setsid env -i sh -c 'sleep \(seconds) &'; " + RealClaudeCLI.longToolPrompt.dropFirst(9)
        try await RealCLIDaemon.expectTimeoutLeavesNothing(prompt: prompt) {
            #expect(JobContainmentEndToEndTests.processes(sleeping: seconds).isEmpty)
        }
    }
}
