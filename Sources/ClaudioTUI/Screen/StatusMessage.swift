import Shared

/// The status line's text: the outcome of the operator's latest action.
public struct StatusMessage: Sendable, Hashable {
    public enum Tone: Sendable, Hashable {
        /// Something under way or a neutral note.
        case info
        case success
        case failure
    }

    public var text: String
    public var tone: Tone

    public init(_ text: String, tone: Tone = .info) {
        self.text = text
        self.tone = tone
    }

    /// The answer to a kill: "Killed job k3f9-1 (3 processes)", or why it failed.
    public static func kill(jobID: String, outcome: Result<KillResponse, any Error>) -> StatusMessage {
        switch outcome {
        case .success(let answer):
            let processes = answer.processes == 1 ? "1 process" : "\(answer.processes) processes"
            return StatusMessage("Killed job \(answer.id) (\(processes))", tone: .success)
        case .failure(let error):
            return StatusMessage("Could not kill job \(jobID): \(explanation(of: error))", tone: .failure)
        }
    }

    /// The answer to `a` / `d`: "Allowed the tool request", or why not (e.g. it is no longer waiting).
    public static func decision(approvalID: String, allow: Bool, outcome: Result<OperatorDecisionResponse, any Error>)
        -> StatusMessage
    {
        switch outcome {
        case .success:
            StatusMessage(allow ? "✅ Allowed the tool request" : "❌ Denied the tool request", tone: .success)
        case .failure(let error):
            StatusMessage(
                "Could not \(allow ? "allow" : "deny") request \(approvalID.prefix(8))…: \(explanation(of: error))",
                tone: .failure)
        }
    }

    /// The answer to a reload: "Reloaded allowlists: telegram 3, slack all", or why it failed.
    public static func reload(outcome: Result<ReloadResponse, any Error>) -> StatusMessage {
        switch outcome {
        case .success(let answer):
            let slack = answer.slack.allowAll ? "all" : String(answer.slack.size)
            let text = "Reloaded allowlists: telegram \(answer.telegram.size), slack \(slack)"
            return StatusMessage(text, tone: .success)
        case .failure(let error):
            return StatusMessage("Could not reload the allowlists: \(explanation(of: error))", tone: .failure)
        }
    }

    /// The daemon's own words for a refusal (e.g. "unknown job: x"), else the client's description.
    private static func explanation(of error: any Error) -> String {
        switch error {
        case AdminClientError.refused(_, let message): message
        case AdminClientError.unreachable(_, let reason): "daemon not reachable (\(reason))"
        default: String(describing: error)
        }
    }
}
