import ArgumentParser
import Foundation
import Shared

/// The `claudio-tui` executable: the operator console over the admin socket.
public struct ConsoleCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "claudio-tui",
        abstract: "Watch and control a running Claudio daemon.",
        discussion: """
            Shows the daemon's channels, tool requests waiting, jobs, rate limits, denied attempts, history and \
            instance locks, refreshed every --interval seconds. Keys: ↑/↓ PgUp/PgDn move, Tab next panel, Enter the \
            selected job's page (its process tree and activity), / filter the panel, Esc back or clear the filter, \
            k or F9 kill the selected job, a/d allow/deny a tool request, r reload the allowlists, ? or F1 help, \
            q or F10 quit. Colours are off when NO_COLOR is set.
            """
    )

    @Option(
        help: "The admin socket (default: CLAUDIO_ADMIN_SOCKET from the environment or ./.env, else the XDG default).")
    var socket: String?

    @Option(help: "Seconds between two refreshes.")
    var interval: Double = 1

    public init() {}

    public func validate() throws {
        guard interval.isFinite, interval >= 0.1, interval <= 3600 else {
            throw ValidationError("--interval must be between 0.1 and 3600 seconds, got \(interval)")
        }
    }

    public func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let path: String
        if let socket {
            path = socket
        } else {
            path = await AdminSocketLocation.defaultPath(processEnvironment: environment)
        }
        let app = ConsoleApp(
            client: AdminClient(socketPath: path, timeout: .seconds(5)),
            pollInterval: .milliseconds(Int((interval * 1000).rounded())),
            colorMode: ColorMode.preferred(environment: environment))
        do {
            try await app.run()
        } catch let error as TerminalError {
            FileHandle.standardError.write(Data("❌ \(error)\n".utf8))
            throw ExitCode.failure
        }
    }

    /// The executable's entry point (see `ClaudioCommand.runMain()` for why it exists).
    public static func runMain() async {
        await main()
    }
}
