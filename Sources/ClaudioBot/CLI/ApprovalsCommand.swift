import ArgumentParser
import Foundation
import Shared

/// `claudio approvals`: tool requests waiting for an answer (SPEC §13), oldest first; `--history` for decided ones.
struct ApprovalsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approvals",
        abstract: "List tool requests waiting for an answer (answer with `claudio approve|deny ID`).")

    @Flag(help: "List decided requests instead, newest first.")
    var history = false

    @Option(help: "With --history: how many decisions (1…1000, default 50).")
    var limit: Int?

    @OptionGroup var options: ClientOptions

    func run() async throws {
        if history {
            try await options.perform(
                .approvalHistory(limit: limit), as: ApprovalHistoryResponse.self, render: Self.renderHistory)
        } else {
            try await options.perform(.approvals, as: ApprovalsResponse.self) { Self.render($0, now: Date()) }
        }
    }

    static func render(_ answer: ApprovalsResponse, now: Date) -> String {
        guard !answer.approvals.isEmpty else { return "No tool requests are waiting." }
        var table = TextTable("ID", "JOB", "PLATFORM", "USER", "TOOL", "EXPIRES IN", "SUMMARY")
        for request in answer.approvals {
            table.add(
                request.id, request.jobID, request.platform.rawValue, request.username.map { "@\($0)" } ?? request.userID,
                request.tool, "\(max(0, Int(request.expiresAt.timeIntervalSince(now).rounded()))) s", request.summary)
        }
        return table.rendered
    }

    static func renderHistory(_ answer: ApprovalHistoryResponse) -> String {
        guard !answer.decisions.isEmpty else { return "No tool requests were decided yet." }
        var table = TextTable("DECIDED", "JOB", "USER", "TOOL", "DECISION", "BY", "VIA", "SUMMARY")
        for record in answer.decisions {
            table.add(
                record.decidedAt.formatted(.iso8601), record.jobID, record.username.map { "@\($0)" } ?? record.userID,
                record.tool, record.decision.rawValue, record.decidedBy, record.via.rawValue, record.summary)
        }
        return table.rendered
    }
}
