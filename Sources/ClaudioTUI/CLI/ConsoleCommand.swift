import ArgumentParser

/// The `claudio-tui` executable: the operator console over the admin socket.
public struct ConsoleCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "claudio-tui",
        abstract: "Watch and control a running Claudio daemon."
    )

    public init() {}
}
