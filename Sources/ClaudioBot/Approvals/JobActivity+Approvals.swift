import Foundation
import Shared

/// Tool requests in a job's activity (SPEC §17): each question when Claude asks it, and how it was answered.
extension JobActivity {
    /// "🔐 Bash asked: make install".
    func noteAsked(tool: String, summary: String) {
        record(.approval, Self.approvalLine("🔐 \(tool) asked: \(summary)"))
    }

    /// "✅ Bash allowed by @alice", "❌ Bash denied by the operator", "⌛ Bash: no answer in 300 s — denied"…
    func noteSettled(_ outcome: ApprovalOutcome, tool: String, timeoutSeconds: Int) {
        let line =
            switch outcome {
            case .allowed(let answerer, _, false): "✅ \(tool) allowed by \(answerer.name)"
            case .allowed(let answerer, _, true): "✅ \(tool) allowed for this job by \(answerer.name)"
            case .answered(let answerer, _, let choices):
                "✅ Answered by \(answerer.name): " + choices.joined(separator: "; ")
            case .denied(let answerer): "❌ \(tool) denied by \(answerer.name)"
            case .timedOut: "⌛ \(tool): no answer in \(timeoutSeconds) s — denied"
            case .ended: "— \(tool): the job ended before an answer"
            }
        record(.approval, Self.approvalLine(line))
    }

    /// A request answered by an earlier "for this job": "✅ Bash allowed for this job (by @alice earlier): make install".
    func noteAllowedForJob(tool: String, summary: String, by user: ChatUser) {
        let name = ApprovalTexts.name(of: user)
        record(.approval, Self.approvalLine("✅ \(tool) allowed for this job (by \(name) earlier): \(summary)"))
    }

    private static func approvalLine(_ text: String) -> String {
        TextSanitizer.excerpt(text, limit: ProgressSummary.maximumLength)
    }
}
