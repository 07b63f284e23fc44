import ClaudioTestSupport
import Foundation
import Shared
import Testing

@testable import ClaudioBot

/// The job engine (`ClaudeJobExecutor` + `ClaudeRunner`) driving the real Claude Code CLI against the suite's fake
/// Anthropic API, in a scratch directory that is the CLI's HOME and holds its workspace. One chat, one user.
struct RealCLIHarness {
    let api: FakeAnthropic
    let cliPath: String
    let scratch: ScratchDirectory
    let replier = RecordingReplier()
    let sessions = InMemorySessionStore()
    /// Makes this test's prompts unique among the requests the shared fake API records.
    let marker = String(UUID().uuidString.prefix(8))

    var workspace: String { scratch.path + "/workspace" }
    var key: SessionKey { SessionKey(platform: .telegram, chatID: "100", userID: "42") }

    init(sourceLocation: SourceLocation = #_sourceLocation) throws {
        api = try #require(
            FakeAnthropic.current, "the suite needs the .fakeAnthropic trait", sourceLocation: sourceLocation)
        cliPath = try RealClaudeCLI.require(sourceLocation: sourceLocation)
        scratch = try ScratchDirectory()
        try FileManager.default.createDirectory(atPath: workspace, withIntermediateDirectories: true)
    }

    /// Settings as the daemon would load them, with this harness's workspace.
    func settings(timeout: Double = 30, allowedTools: AllowedTools = .all, skipPermissions: Bool = true) throws
        -> Settings
    {
        var settings = try SettingsLoader.settings(
            from: EnvironmentLayers(processEnvironment: [
                "TELEGRAM_BOT_TOKEN": "1:test", "ALLOWED_USER_IDS": "42", "WORKSPACE_PATH": workspace,
                "HOME": scratch.path,
            ]))
        settings.commandTimeout = timeout
        settings.allowedTools = allowedTools
        settings.skipPermissions = skipPermissions
        return settings
    }

    func executor(settings: Settings) -> ClaudeJobExecutor {
        let runner = ClaudeRunner(
            supervisor: FakeClaude.supervisor(grace: .milliseconds(1500)), settings: settings,
            executablePath: cliPath,
            environment: JobEnvironment(settings: settings).scrub(RealClaudeCLI.environment(api: api, home: scratch.path)))
        var executor = ClaudeJobExecutor(runner: runner, sessions: sessions)
        executor.progressInterval = .milliseconds(100)
        return executor
    }

    func job(_ prompt: String) -> Job {
        Job(
            id: "job-\(UUID().uuidString.prefix(8))", user: ChatUser(platform: .telegram, id: "42", username: "alice"),
            address: ChatAddress(platform: .telegram, chatID: "100"), prompt: prompt, queuedAt: Date(),
            replier: replier)
    }

    /// Runs `prompt` as one job to its end.
    func run(_ prompt: String, settings: Settings? = nil) async throws -> JobOutcomeKind {
        await executor(settings: try settings ?? self.settings()).execute(job(prompt))
    }

    func remove() {
        scratch.remove()
    }
}
