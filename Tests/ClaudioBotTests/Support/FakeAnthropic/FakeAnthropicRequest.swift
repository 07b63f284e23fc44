import Foundation

/// One request the fake Anthropic API received, in arrival order, with the parts of a Messages API body tests check:
/// the conversation (to tell a resumed session from a new one) and the tools offered to the model.
struct FakeAnthropicRequest: Sendable, CustomStringConvertible {
    var sequence: Int
    var method: String
    var path: String
    /// The CLI's `X-Claude-Code-Session-Id` header, when it sent one.
    var sessionID: String?
    var model: String?
    var stream: Bool
    /// Names from the request's `tools` list: what the model may call.
    var toolNames: [String]
    var turns: [FakeAnthropicTurn]

    /// The newest user turn: what the model is asked to answer now (the CLI may append a `system` turn after it).
    var lastUserTurn: FakeAnthropicTurn? {
        turns.last { $0.role == "user" }
    }

    /// The prompt that scripts the answer: the last text of the newest user turn, trimmed.
    var prompt: String {
        (lastUserTurn?.texts.last ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Every user text of the conversation, trimmed: a resumed session repeats the earlier prompts here.
    var userTexts: [String] {
        turns.filter { $0.role == "user" }.flatMap(\.texts).map {
            $0.trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    var isMessages: Bool { method == "POST" && path == "/v1/messages" }

    var description: String {
        "#\(sequence) \(method) \(path)" + (isMessages ? " prompt=\(prompt.debugDescription) turns=\(turns.count)" : "")
    }

    /// - Parameter body: the raw request body; a body that is not a JSON object leaves the conversation empty.
    init(sequence: Int, method: String, path: String, sessionID: String?, body: Data) {
        self.sequence = sequence
        self.method = method
        self.path = path
        self.sessionID = sessionID
        let json = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:]
        model = json["model"] as? String
        stream = json["stream"] as? Bool ?? false
        toolNames = (json["tools"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        turns = (json["messages"] as? [Any] ?? []).compactMap(FakeAnthropicTurn.init(json:))
    }
}
