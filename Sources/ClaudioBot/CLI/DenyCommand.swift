import ArgumentParser
import Shared

/// `claudio deny ID`: the operator denies a waiting tool request (SPEC §13).
struct DenyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deny", abstract: "Deny a waiting tool request. Exit 1 when it is unknown or no longer waiting.")

    @Argument(help: "The request ID, as `claudio approvals` shows it.")
    var id: String

    @OptionGroup var options: ClientOptions

    func run() async throws {
        try await options.answerToolRequest(id, .deny)
    }
}
