import ArgumentParser
import Foundation
import Shared

/// `claudio history`: finished jobs, the most recently ended first (SPEC §16).
struct HistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "List finished jobs, the most recently ended first.")

    @Option(help: "How many jobs (1…1000, default 50).")
    var limit: Int?

    @OptionGroup var options: ClientOptions

    func run() async throws {
        try await options.perform(.history(limit: limit), as: HistoryResponse.self, render: Self.render)
    }

    static func render(_ answer: HistoryResponse) -> String {
        guard !answer.jobs.isEmpty else { return "No finished jobs." }
        var table = TextTable("ENDED", "ID", "PLATFORM", "USER", "OUTCOME", "EXIT", "DURATION", "COST", "TOOLS", "PROMPT")
        for job in answer.jobs {
            table.add(
                job.endedAt.formatted(.iso8601), job.id, job.platform.rawValue,
                job.username.map { "@\($0)" } ?? job.userID, job.outcome.rawValue, job.exitCode.map(String.init) ?? "-",
                DurationText.format(seconds: job.durationSeconds), job.costUSD.map(DollarText.cost) ?? "-",
                job.toolsUsed.isEmpty ? "-" : job.toolsUsed.joined(separator: ","), job.promptExcerpt)
        }
        return table.rendered
    }
}
