/// A question on the status line waiting for y/n.
public enum ConfirmationPrompt: Sendable, Hashable {
    case killJob(id: String)
    /// Answer a tool request: allow (`true`) or deny it.
    case decide(approvalID: String, allow: Bool, tool: String, summary: String)

    public var question: String {
        switch self {
        case .killJob(let id): "Kill job \(id)? y/n"
        case .decide(_, let allow, let tool, let summary):
            "\(allow ? "Allow" : "Deny") \(tool): \(summary.prefix(40))? y/n"
        }
    }
}
