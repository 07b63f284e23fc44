import Foundation
import Shared

@testable import ClaudioBot

/// A `SlackChannel` wired to the real router, gate, scheduler and job executor, running the scripted fake claude
/// against a `FakeSlack`, in this process. Reconnect and send backoffs are short so tests stay fast.
struct SlackChannelHarness: Sendable {
    let slack: FakeSlack
    let channel: SlackChannel
    let fake: FakeClaude
    let sessions: any SessionStore
    let runs: Task<Void, any Error>

    /// Runs `body` with a started channel, then stops the channel, its jobs and its clients.
    /// - Parameters:
    ///   - environment: extra settings, e.g. `WORKSPACE_PATH` or `TRANSCRIPTION_API_URL`.
    ///   - before: runs on the fresh state store before the channel starts (what an earlier run left).
    static func with(
        slack: FakeSlack, allowed: [String] = ["U0ALICE"], botToken: String = FakeSlack.botToken,
        backlogLimit: Int = 500, environment: [String: String] = [:],
        before: @Sendable (StateStore) async throws -> Void = { _ in },
        _ body: @Sendable (SlackChannelHarness) async throws -> Void
    ) async throws {
        let fake = try FakeClaude()
        defer { fake.remove() }
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let settings = try SettingsLoader.settings(
            from: EnvironmentLayers(processEnvironment: [
                "SLACK_BOT_TOKEN": botToken, "SLACK_APP_TOKEN": FakeSlack.appToken,
                "SLACK_API_BASE_URL": slack.baseURL, "SLACK_ALLOWED_USER_IDS": allowed.joined(separator: ","),
                "WORKSPACE_PATH": "/tmp", "HOME": "/tmp", "CLAUDE_CLI_PATH": FakeClaude.path,
                "CLAUDIO_STATE_DIR": scratch.path, "JOB_ENV_PASSTHROUGH": FakeClaude.passthrough,
            ].merging(environment) { $1 }))
        let state = try await StateStore.open(stateDirectory: scratch.path)
        try await before(state)
        let http = HTTPClient(redacting: settings.secrets)
        var tuning = DaemonParts.Tuning.fastForTests
        tuning.progressInterval = .seconds(2)
        tuning.slackBacklogLimit = backlogLimit
        let parts = await DaemonParts.assemble(
            settings: settings, store: state, supervisor: FakeClaude.supervisor(), sandbox: FakeClaude.unsandboxed,
            cli: FakeClaude.cli,
            environment: fake.environment, http: http, tuning: tuning)
        let scheduler = parts.scheduler
        let sessions = state
        let channel = parts.makeSlackChannel()
        let runs = Task { try await channel.run() }
        let harness = SlackChannelHarness(slack: slack, channel: channel, fake: fake, sessions: sessions, runs: runs)
        do {
            try await body(harness)
        } catch {
            await harness.stop(scheduler: scheduler, http: http, state: state)
            throw error
        }
        await harness.stop(scheduler: scheduler, http: http, state: state)
    }

    private func stop(scheduler: JobScheduler, http: HTTPClient, state: StateStore) async {
        runs.cancel()
        _ = await runs.result
        await scheduler.shutdown()
        http.shutdown()
        await state.close()
    }

    /// How many times the fake claude ran.
    var claudeRuns: Int { fake.files(prefix: "stdin.").count }

    /// The texts shown now in the thread under `ts` in `channel`, once some message there satisfies `done`.
    func waitForThread(
        _ ts: String, in channel: String, timeout: Duration = .seconds(20),
        until done: @escaping @Sendable (String) -> Bool
    ) async -> [String]? {
        await slack.waitFor(timeout: timeout) { record in
            let texts = record.thread(ts, in: channel).map(\.text)
            return texts.contains(where: done) ? texts : nil
        }
    }
}
