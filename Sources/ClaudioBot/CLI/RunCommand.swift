import ArgumentParser
import Foundation
import Shared

/// `claudio run`: the daemon, in the foreground, logging to stderr.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Start the daemon in the foreground.",
        discussion: """
            Exit codes: 0 clean shutdown, 1 another instance holds a lock (or a lock file or the socket directory \
            is not Claudio's own), 2 configuration error, 3 a channel's credentials were rejected.
            """)

    @OptionGroup var envFile: EnvFileOption
    @Flag(name: .customLong("no-telegram"), help: "Do not start the Telegram channel even if it is configured.")
    var noTelegram = false
    @Flag(name: .customLong("no-slack"), help: "Do not start the Slack channel even if it is configured.")
    var noSlack = false

    func run() async throws {
        // Before anything is read or created: a job runs as the daemon's user (SPEC §12).
        do {
            try ProcessHardening.apply()
        } catch {
            FileHandle.standardError.write(Data("❌ \(error)\n".utf8))
            throw ExitCode(1)
        }
        let settings: Settings
        do {
            settings = try await SettingsLoader.load(
                processEnvironment: ProcessInfo.processInfo.environment, envFilePath: envFile.path,
                channels: .init(telegram: !noTelegram, slack: !noSlack))
        } catch {
            FileHandle.standardError.write(Data("❌ \(error)\n".utf8))
            throw ExitCode(2)
        }
        RedactingLogHandler.bootstrap(level: settings.logLevel, secrets: settings.secrets)
        let code = await Daemon(settings: settings, environment: ProcessInfo.processInfo.environment).run()
        if code != 0 { throw ExitCode(code) }
    }
}
