extension ClaudeStreamEvent {
    /// What a tool returned: a `tool_result` block of a `user` line.
    package struct ToolResult: Sendable, Equatable, Decodable {
        /// Tool output can be megabytes; an excerpt is all Claudio ever shows of it.
        static let excerptLimit = 1_000

        var toolUseID: String?
        var isError: Bool
        /// The first `excerptLimit` characters of the result's text, as the tool wrote them.
        var excerpt: String

        init(toolUseID: String? = nil, isError: Bool, excerpt: String) {
            self.toolUseID = toolUseID
            self.isError = isError
            self.excerpt = excerpt
        }

        private enum CodingKeys: String, CodingKey {
            case toolUseID = "tool_use_id"
            case isError = "is_error"
            case content
        }

        private enum ContentBlockKeys: String, CodingKey {
            case type, text
        }

        package init(from decoder: any Decoder) throws {
            let block = try decoder.container(keyedBy: CodingKeys.self)
            toolUseID = block.lenientValue(String.self, forKey: .toolUseID)
            isError = block.lenientValue(Bool.self, forKey: .isError) ?? false
            if let text = block.lenientValue(String.self, forKey: .content) {
                excerpt = String(text.prefix(Self.excerptLimit))
                return
            }
            // The content may instead be a list of blocks (`text`, `image`, …).
            excerpt = ""
            guard var parts = try? block.nestedUnkeyedContainer(forKey: .content) else { return }
            while !parts.isAtEnd, excerpt.count < Self.excerptLimit {
                guard let part = try? parts.nestedContainer(keyedBy: ContentBlockKeys.self) else {
                    guard (try? parts.decode(SkippedJSONValue.self)) != nil else { break }
                    continue
                }
                guard let text = part.lenientValue(String.self, forKey: .text) else { continue }
                if !excerpt.isEmpty { excerpt.append("\n") }
                excerpt.append(contentsOf: text.prefix(Self.excerptLimit - excerpt.count))
            }
        }
    }
}
