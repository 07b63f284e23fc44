import ArgumentParser

/// The `claudio` executable: the daemon and the scripting clients of a running daemon.
public struct ClaudioCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "claudio",
        abstract: "Run Claude Code for a few trusted Telegram and Slack users, and control the daemon.",
        subcommands: [
            RunCommand.self, CheckCommand.self, StatusCommand.self, JobsCommand.self, KillCommand.self,
            ReloadCommand.self, DeniedCommand.self, ApprovalsCommand.self, ApproveCommand.self, DenyCommand.self, HistoryCommand.self,
        ]
    )

    public init() {}

    /// The executable's entry point. Called from an async function so that ArgumentParser's async `main()` is the
    /// overload chosen (top-level code would pick the synchronous one).
    public static func runMain() async {
        await main()
    }
}
