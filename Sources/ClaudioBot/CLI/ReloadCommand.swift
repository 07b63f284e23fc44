import ArgumentParser
import Shared

/// `claudio reload`: re-read the allowlists from the env file (like SIGHUP).
struct ReloadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reload", abstract: "Re-read the allowlists from the env file and apply them at once.")

    @OptionGroup var options: ClientOptions

    func run() async throws {
        try await options.perform(.reload, as: ReloadResponse.self, render: Self.render)
    }

    static func render(_ answer: ReloadResponse) -> String {
        let slack = answer.slack.allowAll ? "all (empty list)" : String(answer.slack.size)
        return "Reloaded allowlists: telegram \(answer.telegram.size) (from \(answer.telegram.source.rawValue)), "
            + "slack \(slack) (from \(answer.slack.source.rawValue))"
    }
}
