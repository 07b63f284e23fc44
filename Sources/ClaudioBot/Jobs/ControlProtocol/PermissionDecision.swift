import Shared
/// Claudio's answer to a `can_use_tool` request.
package enum PermissionDecision: Sendable, Equatable {
    /// Run the tool with `updatedInput` (the request's input, or an edited one such as an AskUserQuestion answer).
    case allow(updatedInput: JSONValue)
    /// Do not run it; the model receives `message` as the tool's error.
    case deny(message: String)

    /// The `response` member of the control response.
    var json: JSONValue {
        switch self {
        case .allow(let input): .object(["behavior": .string("allow"), "updatedInput": input])
        case .deny(let message): .object(["behavior": .string("deny"), "message": .string(message)])
        }
    }
}
