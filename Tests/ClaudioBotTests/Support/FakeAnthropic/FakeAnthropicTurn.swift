/// One message of the conversation a Messages API request carries, reduced to what tests look at.
struct FakeAnthropicTurn: Sendable, Equatable {
    /// A `tool_result` block: what a tool printed, or the CLI's reason for not running it.
    struct ToolResult: Sendable, Equatable {
        var toolUseID: String
        var text: String
        var isError: Bool
    }

    var role: String
    /// The text blocks, reminders the CLI injects (`<system-reminder>…`) left out.
    var texts: [String]
    var toolResults: [ToolResult]
    /// Names of the tools an assistant turn asked for.
    var toolUses: [String]

    /// Reads one element of the request's `messages` array (decoded with `JSONSerialization`).
    init?(json: Any) {
        guard let message = json as? [String: Any], let role = message["role"] as? String else { return nil }
        self.role = role
        texts = []
        toolResults = []
        toolUses = []
        if let text = message["content"] as? String {
            texts = [text]
            return
        }
        for block in message["content"] as? [[String: Any]] ?? [] {
            switch block["type"] as? String {
            case "text":
                let text = block["text"] as? String ?? ""
                if !text.hasPrefix("<system-reminder>") { texts.append(text) }
            case "tool_result":
                toolResults.append(
                    ToolResult(
                        toolUseID: block["tool_use_id"] as? String ?? "", text: Self.text(of: block["content"]),
                        isError: block["is_error"] as? Bool ?? false))
            case "tool_use":
                toolUses.append(block["name"] as? String ?? "")
            default:
                continue
            }
        }
    }

    /// A tool result's content is a string or a list of text blocks.
    private static func text(of content: Any?) -> String {
        if let text = content as? String { return text }
        let blocks = content as? [[String: Any]] ?? []
        return blocks.compactMap { $0["text"] as? String }.joined(separator: "\n")
    }
}
