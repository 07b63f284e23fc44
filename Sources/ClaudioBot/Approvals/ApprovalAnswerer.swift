import Shared

/// Who answered a tool request.
enum ApprovalAnswerer: Sendable, Equatable {
    /// The user who sent the prompt, from the chat.
    case requester(ChatUser)
    /// The operator, through the console, the CLI or the API.
    case `operator`(via: ApprovalVia)

    /// As the question's verdict names them: "@alice", "the operator".
    var name: String {
        switch self {
        case .requester(let user): ApprovalTexts.name(of: user)
        case .operator: "the operator"
        }
    }

    /// `decided_by` in the history: the user's ID, or `operator`.
    var decidedBy: String {
        switch self {
        case .requester(let user): user.id
        case .operator: "operator"
        }
    }

    var via: ApprovalVia {
        switch self {
        case .requester(let user): user.platform == .slack ? .slack : .telegram
        case .operator(let via): via
        }
    }
}
