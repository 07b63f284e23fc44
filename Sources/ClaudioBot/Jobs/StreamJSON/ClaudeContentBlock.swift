/// One element of a message's `content` array, reduced to the kinds Claudio uses.
enum ClaudeContentBlock: Decodable {
    case text(String)
    case toolUse(ClaudeStreamEvent.ToolUse)
    case toolResult(ClaudeStreamEvent.ToolResult)
    /// `thinking`, `image`, and anything newer.
    case other

    private enum CodingKeys: String, CodingKey {
        case type, text
    }

    init(from decoder: any Decoder) throws {
        let block = try decoder.container(keyedBy: CodingKeys.self)
        switch block.lenientValue(String.self, forKey: .type) {
        case "text":
            self = block.lenientValue(String.self, forKey: .text).map(Self.text) ?? .other
        case "tool_use":
            self = .toolUse(try ClaudeStreamEvent.ToolUse(from: decoder))
        case "tool_result":
            self = .toolResult(try ClaudeStreamEvent.ToolResult(from: decoder))
        default:
            self = .other
        }
    }
}
