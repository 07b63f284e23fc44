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
    static let user: Int64 = 42

    /// Runs `body` with a daemon that polls a fresh fake Telegram and runs the real CLI; stops it by PID afterwards.
    private static func withDaemon<Result: Sendable>(
        _ extra: [String: String] = [:],
        _ body: @Sendable (FakeTelegramServer, DaemonProcess) async throws -> Result
    ) async throws -> Result {
        let api = try #require(FakeAnthropic.current)
        let cli = try RealClaudeCLI.require()
        return try await FakeTelegramServer.withServer { telegram in
            let directory = try ScratchDirectory()
            // The usual test daemon's environment is built around the scripted claude; the real CLI replaces it.
            let scripted = try FakeClaude()
            defer {
                directory.remove()
                scripted.remove()
            }
            var environment = DaemonProcess.environment(
                in: directory, fake: scripted,
                extra: [
                    "TELEGRAM_BOT_TOKEN": telegram.token, "TELEGRAM_API_BASE_URL": telegram.baseURL,
                    "ALLOWED_USER_IDS": String(user), "CLAUDE_CLI_PATH": cli,
                ].merging(extra) { $1 })
            environment.merge(RealClaudeCLI.environment(api: api, home: directory.path)) { $1 }
            let mark = await telegram.mark()
            let daemon = try DaemonProcess(directory: directory, environment: environment)
            let result: Result
            do {
                do {
                    try await telegram.waitForMethod("getUpdates", after: mark, timeout: .seconds(30))
                } catch {
                    Issue.record("the daemon did not poll Telegram: \(error)\n--- stderr ---\n\(daemon.stderr)")
                    throw error
                }
                result = try await body(telegram, daemon)
            } catch {
                await daemon.stop()
                throw error
            }
            await daemon.stop()
            return result
        }
    }

    /// Waits until the daemon runs a job, and watches its processes.
    private static func watchRunningJob(of daemon: DaemonProcess) async throws -> JobProcessWatch {
        var running: JobInfo?
        _ = await ProcessLiveness.waitUntil(timeout: .seconds(20)) {
            running = try? await daemon.client.jobs().jobs.first { $0.state == .running && $0.pid != nil }
            return running != nil
        }
        let job = try #require(running, "no running job:\n\(daemon.stderr)")
        let watch = JobProcessWatch(tag: job.id)
        await watch.start()
        return watch
    }

    private static func expectNothingLeft(of watch: JobProcessWatch) async {
        let allGone = await ProcessLiveness.waitUntil(timeout: .seconds(5)) { await watch.survivors().isEmpty }
        await watch.stop()
        let survivors = await watch.survivors()
        #expect(allGone, "still running: \(survivors)")
        #expect(ProcessLiveness.taggedProcesses(watch.tag).isEmpty)
    }

    @Test("a prompt sent on Telegram is answered by the model through the real CLI")
    func plainPrompt() async throws {
        try await Self.withDaemon { telegram, _ in
            let prompt = "hello through Telegram \(UUID().uuidString.prefix(8))"
            await telegram.sendText(prompt, from: Self.user)
            try await telegram.waitForText("Echo: \(prompt)", inChat: Self.user, timeout: .seconds(30))
        }
    }

    @Test("COMMAND_TIMEOUT: the user is told, and no process of the job survives")
    func timeout() async throws {
        for timeout in RealClaudeCLI.timeoutAttempts {
            let settings = ["COMMAND_TIMEOUT": SecondsText.format(timeout)]
            let proved = try await Self.withDaemon(settings) { telegram, daemon in
                await telegram.sendText(RealClaudeCLI.longToolPrompt, from: Self.user)
                let watch = try await Self.watchRunningJob(of: daemon)
                try await telegram.waitForText(
                    KillReason.timeout.userMessage(timeoutSeconds: timeout), inChat: Self.user,
                    timeout: .seconds(timeout + 10))
                guard await watch.sawCommand(RealClaudeCLI.longToolProcess) else {
                    await watch.stop()
                    return false
                }
                await Self.expectNothingLeft(of: watch)
                return true
            }
            if proved { return }
        }
        Issue.record("the tool's command never started before the timeout")
    }

    @Test("claudio kill through the admin API stops the job's whole tree and tells the user")
    func adminKill() async throws {
        try await Self.withDaemon { telegram, daemon in
            await telegram.sendText(RealClaudeCLI.longToolPrompt, from: Self.user)
            let watch = try await Self.watchRunningJob(of: daemon)
            let started = await ProcessLiveness.waitUntil(timeout: .seconds(20)) {
                await watch.sawCommand(RealClaudeCLI.longToolProcess)
            }
            #expect(started, "the Bash tool's command did not start")
            let killed = try await daemon.client.kill(jobID: watch.tag)
            #expect(killed.killed)
            #expect(killed.processes >= 2, "killed \(killed.processes) processes")
            try await telegram.waitForText(KillReason.admin.userMessage(timeoutSeconds: 0), inChat: Self.user)
            await Self.expectNothingLeft(of: watch)
            // The job leaves the list once its executor returns, just after the user was told.
            let listed = await ProcessLiveness.waitUntil(timeout: .seconds(10)) {
                (try? await daemon.client.jobs().jobs.isEmpty) ?? false
            }
            #expect(listed)
        }
    }
}
