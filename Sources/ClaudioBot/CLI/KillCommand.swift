import ArgumentParser
import Shared

/// `claudio kill JOB_ID`: kill a job's whole process tree (or drop it from the queue).
struct KillCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kill", abstract: "Kill a job and every process it started. Exit 1 for an unknown job.")

    @Argument(help: "The job ID, as `claudio jobs` shows it.")
    var jobID: String

    @OptionGroup var options: ClientOptions

    func run() async throws {
        try await options.perform(.kill(jobID: jobID), as: KillResponse.self) { answer in
            "🛑 Killed job \(answer.id) (\(answer.processes) process\(answer.processes == 1 ? "" : "es"))."
        }
    }
}
