import ArgumentParser
import Foundation
import Shared

/// `claudio check`: validate the configuration and show what the daemon would run with.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the configuration, show the effective settings and the claude CLI. Exit 0 or 2.")

    @OptionGroup var envFile: EnvFileOption

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let settings: Settings
        do {
            settings = try await SettingsLoader.load(processEnvironment: environment, envFilePath: envFile.path)
        } catch {
            FileHandle.standardError.write(Data("❌ \(error)\n".utf8))
            throw ExitCode(2)
        }
        let launcher = ProcessLauncher(reaper: try ChildReaper())
        let cli = await ClaudeCLIProbe(launcher: launcher).inspect(settings: settings, environment: environment)
        let sandbox: SandboxStatus
        do {
            sandbox = try await SandboxProbe(launcher: launcher).choose(settings: settings, environment: environment).status
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(2)
        }
        print(Self.report(settings, cli: cli, sandbox: sandbox, isRoot: getuid() == 0, environment: environment))
    }

    static func report(
        _ settings: Settings, cli: ClaudeCLIInfo, sandbox: SandboxStatus, isRoot: Bool, environment: [String: String]
    ) -> String {
        var lines = ["Claudio \(ClaudioVersion.current) — configuration check", ""]
        lines.append("Env file: \(settings.envFilePath ?? "(none)")")
        lines.append("Settings (source in brackets):")
        let width = SettingsVariable.all.map(\.count).max() ?? 0
        for row in settings.displayRows {
            let name = row.variable.padding(toLength: width, withPad: " ", startingAt: 0)
            lines.append("  \(name)  \(row.value)  [\(row.source.rawValue)]")
        }
        lines.append("")
        let telegram = settings.telegramEnabled ? "enabled (\(settings.allowedUserIDs.count) allowed users)" : "disabled"
        let slackList = settings.slackAllowsEveryone ? "every workspace member" : "\(settings.slackAllowedUserIDs.count) allowed users"
        let slack = settings.slackEnabled ? "enabled (\(slackList))" : "disabled"
        lines.append("Channels: telegram \(telegram); slack \(slack)")
        if let path = cli.path {
            lines.append("claude CLI: \(path) — \(cli.version ?? "version unknown")")
        } else {
            lines.append("claude CLI: not found")
        }
        if sandbox.isSandboxed {
            lines.append("Job sandbox: bubblewrap (JOB_SANDBOX=\(settings.jobSandbox.rawValue))")
        } else {
            lines.append("Job sandbox: off — \(sandbox.reason ?? "no sandbox")")
        }
        let warnings =
            StartupWarnings.all(for: settings, cli: cli, isRoot: isRoot, environment: environment)
            + [sandbox.warning].compactMap { $0 }
        if !warnings.isEmpty {
            lines.append("")
            lines.append("Warnings:")
            lines += warnings.map { "  ⚠️ \($0)" }
        }
        lines.append("")
        lines.append("✅ Configuration is valid.")
        return lines.joined(separator: "\n")
    }
}
