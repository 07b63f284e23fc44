import Foundation
import Glibc
import Shared
import Testing

@testable import ClaudioBot

@Suite("Daemon lifecycle with a live channel: shutdown mid-job, reload, state across restarts", .serialized)
struct DaemonLifecycleTelegramTests {
    private let user = TelegramDaemonHarness.authorizedUser
    private let stranger = TelegramDaemonHarness.strangerUser

    @Test("SIGTERM during a job with a setsid grandchild: the chat is told, no process survives, exit 0, files gone")
    func shutdownMidJob() async throws {
        try await TelegramDaemonHarness.with { harness in
            let daemon = try await harness.start()
            await harness.fake.sendText("SETSID please", from: user)
            // The fake claude and its setsid grandchild, as host processes (the job may run in a PID namespace).
            let running = await ProcessLiveness.waitUntil(timeout: .seconds(15)) {
                harness.claude.liveProcesses().count >= 2
            }
            #expect(running, "the job never started its grandchild:\n\(daemon.stderr)")
            let processes = harness.claude.liveProcesses()

            let status = await daemon.terminate()
            #expect(status.code == 0, "\(daemon.stderr)")
            try await harness.fake.waitForText("⚠️ Interrupted: Claudio is shutting down", inChat: user)
            #expect(processes.allSatisfy { !ProcessLiveness.isAlive($0) })
            #expect(!FileManager.default.fileExists(atPath: daemon.socketPath))
            #expect(!FileManager.default.fileExists(atPath: daemon.lockDirectory + "/telegram_claude_bot.lock"))
        }
    }

    @Test("a user added to the env file is served after `reload`, without a restart")
    func reloadAddsUser() async throws {
        try await TelegramDaemonHarness.with { harness in
            let envFile = harness.directory.path + "/claudio.env"
            try "ALLOWED_USER_IDS=\(user)\n".write(toFile: envFile, atomically: true, encoding: .utf8)
            var environment = harness.environment()
            environment["ALLOWED_USER_IDS"] = nil
            let mark = await harness.fake.mark()
            let daemon = try DaemonProcess(
                directory: harness.directory, environment: environment, arguments: ["--env-file", envFile])
            defer { Task { await daemon.stop() } }
            try await harness.fake.waitForMethod("setMyCommands", after: mark, timeout: .seconds(30))

            await harness.fake.sendText("before", from: stranger)
            try await harness.fake.waitForText(GateReplies.accessDenied, inChat: stranger)

            try "ALLOWED_USER_IDS=\(user),\(stranger)\n".write(toFile: envFile, atomically: true, encoding: .utf8)
            let reloaded = try await daemon.client.reload()
            #expect(reloaded.telegram == TelegramAllowlistSummary(size: 2, source: .file))
            await harness.fake.sendText("after", from: stranger)
            try await harness.fake.waitForText("echo: after", inChat: stranger)
            #expect(harness.prompts == ["after"])
            #expect(await daemon.terminate().code == 0)
        }
    }

    @Test("denied records and sessions are still there after a restart")
    func stateSurvivesRestart() async throws {
        try await TelegramDaemonHarness.with { harness in
            let first = try await harness.start()
            await harness.fake.sendText("let me in", from: stranger, username: "mallory")
            try await harness.fake.waitForText(GateReplies.accessDenied, inChat: stranger)
            await harness.fake.sendText("remember me", from: user)
            try await harness.fake.waitForText("echo: remember me", inChat: user)
            let session = try #require(harness.claude.recordedSessions.first)
            #expect(await first.terminate().code == 0)

            let second = try await harness.start()
            let denied = try await second.client.denied(limit: 10).denied
            #expect(denied.contains { $0.userID == String(stranger) && $0.username == "mallory" })
            await harness.fake.sendText("again", from: user)
            try await harness.fake.waitForText("echo: again", inChat: user)
            let argvs = harness.claude.files(prefix: "argv.")
            #expect(argvs.contains { $0.contains("--resume\n\(session)\n") }, "\(argvs)")
            #expect(await second.terminate().code == 0)
        }
    }
}
