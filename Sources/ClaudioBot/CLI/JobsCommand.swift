import ArgumentParser
import Shared

/// `claudio jobs`: queued and running jobs.
struct JobsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "jobs", abstract: "List queued and running jobs.")

    @OptionGroup var options: ClientOptions

    func run() async throws {
        try await options.perform(.jobs, as: JobsResponse.self, render: Self.render)
    }

    static func render(_ answer: JobsResponse) -> String {
        guard !answer.jobs.isEmpty else { return "No jobs." }
        var table = TextTable("ID", "STATE", "PLATFORM", "USER", "PID", "ELAPSED", "PROCS", "PROMPT")
        for job in answer.jobs {
            table.add(
                job.id, job.state.rawValue, job.platform.rawValue, job.username.map { "@\($0)" } ?? job.userID,
                job.pid.map(String.init) ?? "-", DurationText.format(seconds: job.elapsedSeconds), String(job.processes),
                job.promptExcerpt)
        }
        return table.rendered
    }
}
