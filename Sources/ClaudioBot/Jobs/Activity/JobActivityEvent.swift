import Foundation
import Shared

/// One line of a job's activity (SPEC §17): a tool call, a piece of text, an approval, a file sent.
struct JobActivityEvent: Sendable, Equatable {
    /// What happened: the admin API's `kind`.
    typealias Kind = JobActivityKind

    var at: Date
    var kind: Kind
    /// One short line, e.g. "Bash: ls -la" or "sent report.pdf (1.2 MB)".
    var summary: String
}

extension JobActivityEvent {
    /// The activity a line of claude's output shows, if any: a tool call with what it works on, or the first line of
    /// the main agent's text. A subagent's text is its own business: its tool calls are shown, its musings are not.
    init?(_ event: ClaudeStreamEvent, at date: Date) {
        switch event {
        case .toolUse(let toolUse):
            self.init(at: date, kind: .tool, summary: ProgressSummary.call(toolUse))
        case .assistantText(let text, isFromSubagent: false):
            guard let excerpt = ProgressSummary.excerpt(ofText: text) else { return nil }
            self.init(at: date, kind: .text, summary: excerpt)
        default:
            return nil
        }
    }
}
