import ArgumentParser

/// The `claudio-tui` executable: the operator console over the admin socket.
public struct ConsoleCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "claudio-tui",
        abstract: "Watch and control a running Claudio daemon."
    )

    public init() {}

    /// The executable's entry point (see `ClaudioCommand.runMain()` for why it exists).
    public static func runMain() async {
        await main()
    }
}
