import Shared

/// Finds `CLAUDE_CLI_PATH` (a path, or a name looked up in PATH) and asks it for `--version` with a timeout.
struct ClaudeCLIProbe: Sendable {
    let probe: CommandProbe

    init(launcher: ProcessLauncher, timeout: Duration = .seconds(5)) {
        probe = CommandProbe(launcher: launcher, timeout: timeout)
    }

    /// Finds and asks the CLI `settings` name. `claude --version` is claude too: it runs with what a job gets of
    /// `environment` (`JobEnvironment`), never the daemon's secrets.
    func inspect(settings: Settings, environment daemonEnvironment: [String: String]) async -> ClaudeCLIInfo {
        let configuredPath = settings.claudeCLIPath
        let environment = JobEnvironment(settings: settings).scrub(daemonEnvironment)
        guard let path = Self.resolve(configuredPath, environment: environment) else {
            let place = configuredPath.contains("/") ? "at \(configuredPath)" : "in PATH"
            return ClaudeCLIInfo(
                path: nil, version: nil,
                problem: "claude CLI not found \(place) (CLAUDE_CLI_PATH=\(configuredPath)); install Claude Code or set CLAUDE_CLI_PATH")
        }
        do {
            let result = try await probe.run(path, arguments: ["--version"], environment: environment)
            if result.timedOut {
                return ClaudeCLIInfo(path: path, version: nil, problem: "`\(path) --version` did not answer within 5 s")
            }
            let firstLine = result.standardOutputText.split(separator: "\n").first.map(String.init)
            guard result.status.code == 0, let version = firstLine, !version.isEmpty else {
                let detail = result.standardErrorText.split(separator: "\n").last.map { ": \($0)" } ?? ""
                return ClaudeCLIInfo(
                    path: path, version: nil, problem: "`\(path) --version` failed (\(result.status))\(detail)")
            }
            return ClaudeCLIInfo(path: path, version: version.trimmingCharacters(in: .whitespaces), problem: nil)
        } catch {
            return ClaudeCLIInfo(path: path, version: nil, problem: "could not start \(path): \(error)")
        }
    }

    static func resolve(_ configured: String, environment: [String: String]) -> String? {
        if configured.contains("/") {
            return ExecutableLocator.isExecutableFile(configured) ? configured : nil
        }
        return ExecutableLocator.locate(configured, searchPath: environment["PATH"])
    }
}
