import Foundation
import Shared

extension JobDetail {
    /// The page of `job` (SPEC §17): its row, whole prompt, deadline, the processes of its latest sample and its
    /// latest activity.
    /// - Parameters:
    ///   - row: the job's row as the scheduler reports it now.
    ///   - commandTimeout: `COMMAND_TIMEOUT`, counted from the start of claude.
    ///   - commands: the command line of each sampled process that could still be read.
    init(_ job: Job, row: JobInfo, commandTimeout: Double, commands: [ProcessIdentity: String]) {
        let processes = row.state.isRunning ? job.control.usage?.processes ?? [] : []
        let tree = processes.map { process in
            JobProcessInfo(
                pid: Int(process.identity.pid), ppid: Int(process.parentPID), state: String(process.state),
                cpuPercent: process.cpuPercent, rssBytes: process.residentBytes,
                command: commands[process.identity] ?? "[\(process.name)]")
        }
        self.init(
            job: row, prompt: job.prompt,
            timeoutAt: row.state.isRunning ? row.startedAt.addingTimeInterval(commandTimeout) : nil,
            costUSD: job.control.costUSD, tree: tree,
            activity: job.control.activity.recent.map { JobActivityInfo(at: $0.at, kind: $0.kind, summary: $0.summary) })
    }
}
