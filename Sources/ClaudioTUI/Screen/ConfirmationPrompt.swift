/// A question on the status line waiting for y/n.
public enum ConfirmationPrompt: Sendable, Hashable {
    case killJob(id: String)

    public var question: String {
        switch self {
        case .killJob(let id): "Kill job \(id)? y/n"
        }
    }
}
