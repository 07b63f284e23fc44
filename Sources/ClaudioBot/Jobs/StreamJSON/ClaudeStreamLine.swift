/// One decoded stream-json line: the events it carries. Decoding reads only the members Claudio uses;
/// everything else in the object is skipped.
struct ClaudeStreamLine: Decodable {
    var events: [ClaudeStreamEvent]

    private enum CodingKeys: String, CodingKey {
        case type, subtype, message, response
        case parentToolUseID = "parent_tool_use_id"
    }

    private enum ControlResponseKeys: String, CodingKey {
        case subtype
        case requestID = "request_id"
    }

    private enum MessageKeys: String, CodingKey {
        case content
    }

    init(from decoder: any Decoder) throws {
        let line = try decoder.container(keyedBy: CodingKeys.self)
        let type = line.lenientValue(String.self, forKey: .type) ?? ""
        let subtype = line.lenientValue(String.self, forKey: .subtype)
        switch (type, subtype) {
        case ("system", "init"):
            events = [.sessionStarted(try ClaudeStreamEvent.SessionStart(from: decoder))]
        case ("system", "api_retry"):
            events = [.apiRetry(try ClaudeStreamEvent.APIRetry(from: decoder))]
        case ("result", _):
            events = [.result(try ClaudeStreamEvent.RunResult(from: decoder))]
        case ("control_request", _):
            events = [.controlRequest(try ClaudeControlRequest(from: decoder))]
        case ("control_response", _):
            let response = try line.nestedContainer(keyedBy: ControlResponseKeys.self, forKey: .response)
            events = [
                .controlResponse(
                    requestID: try response.decode(String.self, forKey: .requestID),
                    succeeded: response.lenientValue(String.self, forKey: .subtype) == "success"),
            ]
        case ("assistant", _), ("user", _):
            let isFromSubagent = line.lenientValue(String.self, forKey: .parentToolUseID) != nil
            events = Self.contentEvents(of: line, isFromSubagent: isFromSubagent, takingText: type == "assistant")
            if events.isEmpty { events = [.other(type: type, subtype: subtype)] }
        default:
            events = [.other(type: type, subtype: subtype)]
        }
    }

    /// The events of a message's content blocks, in order. Text is taken from assistant messages only:
    /// in a user message it is the prompt, not something claude said.
    private static func contentEvents(
        of line: KeyedDecodingContainer<CodingKeys>, isFromSubagent: Bool, takingText: Bool
    ) -> [ClaudeStreamEvent] {
        guard let message = try? line.nestedContainer(keyedBy: MessageKeys.self, forKey: .message),
              var blocks = try? message.nestedUnkeyedContainer(forKey: .content)
        else { return [] }
        var events: [ClaudeStreamEvent] = []
        while !blocks.isAtEnd {
            guard let block = try? blocks.decode(ClaudeContentBlock.self) else {
                guard (try? blocks.decode(SkippedJSONValue.self)) != nil else { break }
                continue
            }
            switch block {
            case .text(let text) where takingText:
                events.append(.assistantText(text, isFromSubagent: isFromSubagent))
            case .toolUse(let toolUse):
                events.append(.toolUse(toolUse))
            case .toolResult(let toolResult):
                events.append(.toolResult(toolResult))
            case .text, .other:
                break
            }
        }
        return events
    }
}
