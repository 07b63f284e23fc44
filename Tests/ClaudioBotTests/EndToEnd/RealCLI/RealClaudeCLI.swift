import Foundation
import Testing

/// The real Claude Code CLI that `scripts/install-claude-cli.sh` (run by `make test`) puts in
/// `.cache/claude-cli/claude` (or `$CLAUDE_CLI_CACHE/claude`), and how tests run it against a fake Anthropic API.
enum RealClaudeCLI {
    private static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// A prompt on which the fake model has the Bash tool run a command that outlives any test, in its own session.
    /// (The CLI refuses a standalone `sleep N`.)
    static let longToolPrompt = "RUNBASH: echo start && sleep 1000 && echo end"
    /// The command line of that command's long-running process, as `/proc/PID/cmdline` shows it.
    static let longToolProcess = "sleep 1000"

    /// `COMMAND_TIMEOUT`s for a test that needs the timeout to fire while the tool's command runs: on a loaded
    /// machine the CLI can take several seconds to get there, and a run where it had not is repeated with the next.
    static let timeoutAttempts: [Double] = [8, 20]

    /// Where the install script links the CLI.
    static var expectedPath: String {
        if let cache = ProcessInfo.processInfo.environment["CLAUDE_CLI_CACHE"], !cache.isEmpty {
            return (cache as NSString).appendingPathComponent("claude")
        }
        return repository.appendingPathComponent(".cache/claude-cli/claude").path
    }

    /// The installed CLI, or nil when it is not there.
    static var path: String? {
        FileManager.default.isExecutableFile(atPath: expectedPath) ? expectedPath : nil
    }

    /// Under CI a missing CLI fails the tests that need it instead of skipping them.
    static var isRequired: Bool {
        ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty } ?? false
    }

    /// Skips a suite with a visible note when the CLI is not installed, except under CI.
    static var installed: ConditionTrait {
        .enabled(
            if: path != nil || isRequired,
            "the real Claude Code CLI is not installed at \(expectedPath): run `bash scripts/install-claude-cli.sh`")
    }

    /// The CLI's path; records a failure (under CI) when it is missing.
    static func require(sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try #require(
            path, "the real Claude Code CLI is missing at \(expectedPath): run `bash scripts/install-claude-cli.sh`",
            sourceLocation: sourceLocation)
    }

    /// The environment of a CLI run against `api` with `home` as its scratch HOME (it writes `~/.claude*` there).
    ///
    /// `IS_SANDBOX=1`: tests run as root in CI, and the CLI refuses `--dangerously-skip-permissions` as root without
    /// it. Non-essential traffic (telemetry, update checks) is turned off so the CLI only talks to the fake.
    /// Every variable here is on SPEC §12's list of what the daemon passes to claude, so a daemon started with them
    /// needs no `JOB_ENV_PASSTHROUGH` for the CLI.
    static func environment(api: FakeAnthropic, home: String) -> [String: String] {
        [
            "PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": home, "ANTHROPIC_BASE_URL": api.baseURL,
            "ANTHROPIC_API_KEY": "sk-ant-test-not-a-real-key", "IS_SANDBOX": "1",
            "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC": "1", "DISABLE_AUTOUPDATER": "1",
        ]
    }
}
