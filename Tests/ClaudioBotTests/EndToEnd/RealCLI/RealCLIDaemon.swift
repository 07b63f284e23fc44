import FakeTelegram
import Foundation
import Shared
import Testing

@testable import ClaudioBot

/// The built `claudio run` with the Telegram channel (a fake Bot API) running the real Claude Code CLI against the
/// suite's fake Anthropic API, for the end-to-end suites that need the real CLI.
enum RealCLIDaemon {
    /// The one authorized Telegram user.
    static let user: Int64 = 42

    /// Runs `body` with a daemon that polls a fresh fake Telegram and runs the real CLI; stops it by PID afterwards.
    /// - Parameters:
    ///   - extra: settings on top of the test daemon's.
    ///   - prepare: runs with the daemon's scratch directory before it starts; returns more settings and
    ///     `claudio run` arguments.
    static func with<Result: Sendable>(
        _ extra: [String: String] = [:],
        prepare: @Sendable (_ directory: String) throws -> (settings: [String: String], arguments: [String]) = { _ in
            ([:], [])
        },
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
            let (prepared, arguments) = try prepare(directory.path)
            environment.merge(prepared) { $1 }
            let mark = await telegram.mark()
            let daemon = try DaemonProcess(directory: directory, environment: environment, arguments: arguments)
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
    static func watchRunningJob(of daemon: DaemonProcess) async throws -> JobProcessWatch {
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

    static func expectNothingLeft(of watch: JobProcessWatch) async {
        let allGone = await ProcessLiveness.waitUntil(timeout: .seconds(5)) { await watch.survivors().isEmpty }
        await watch.stop()
        let survivors = await watch.survivors()
        #expect(allGone, "still running: \(survivors)")
        #expect(ProcessLiveness.taggedProcesses(watch.tag).isEmpty)
    }

    /// Sends `prompt` (a long Bash tool command) to a daemon whose `COMMAND_TIMEOUT` fires while the command runs,
    /// waits for the user to be told, and checks that none of the job's processes survive; `check` adds its own
    /// checks. On a loaded machine the CLI may not reach the tool before a short timeout: then the next, longer
    /// timeout is tried.
    static func expectTimeoutLeavesNothing(
        prompt: String = RealClaudeCLI.longToolPrompt, _ check: @Sendable () async -> Void = {}
    ) async throws {
        for timeout in RealClaudeCLI.timeoutAttempts {
            let proved = try await with(["COMMAND_TIMEOUT": SecondsText.format(timeout)]) { telegram, daemon in
                await telegram.sendText(prompt, from: user)
                let watch = try await watchRunningJob(of: daemon)
                try await telegram.waitForText(
                    KillReason.timeout.userMessage(timeoutSeconds: timeout), inChat: user,
                    timeout: .seconds(timeout + 10))
                guard await watch.sawCommand(RealClaudeCLI.longToolProcess) else {
                    await watch.stop()
                    return false
                }
                await expectNothingLeft(of: watch)
                await check()
                return true
            }
            if proved { return }
        }
        Issue.record("the tool's command never started before the timeout")
    }
}
