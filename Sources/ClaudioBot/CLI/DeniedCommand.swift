import ArgumentParser
import Foundation
import Shared

/// `claudio denied`: recent denied-access attempts, newest first.
struct DeniedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "denied", abstract: "List denied-access attempts, newest first.")

    @Option(help: "How many records (1…1000, default 50).")
    var limit: Int?

    @OptionGroup var options: ClientOptions

    func run() async throws {
        try await options.perform(.denied(limit: limit), as: DeniedResponse.self, render: Self.render)
    }

    static func render(_ answer: DeniedResponse) -> String {
        guard !answer.denied.isEmpty else { return "No denied attempts." }
        var table = TextTable("LAST", "PLATFORM", "USER ID", "USERNAME", "REASON", "COUNT", "EXCERPT")
        for record in answer.denied {
            table.add(
                record.lastAt.formatted(.iso8601), record.platform.rawValue, record.userID,
                record.username.map { "@\($0)" } ?? "-", record.reason.rawValue, String(record.count), record.excerpt)
        }
        return table.rendered
    }
}
