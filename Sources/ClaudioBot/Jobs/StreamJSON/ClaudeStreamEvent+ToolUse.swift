extension ClaudeStreamEvent {
    /// A tool call claude makes: `{"type":"tool_use","id":…,"name":"Bash","input":{…}}`.
    package struct ToolUse: Sendable, Equatable, Decodable {
        var id: String?
        var name: String
        /// The input's top-level scalar fields as text (`command`, `file_path`, `pattern`, …); nested
        /// objects and arrays are left out, since only a short summary of a call is ever shown.
        var input: [String: String]

        init(id: String? = nil, name: String, input: [String: String] = [:]) {
            self.id = id
            self.name = name
            self.input = input
        }

        private enum CodingKeys: String, CodingKey {
            case id, name, input
        }

        package init(from decoder: any Decoder) throws {
            let block = try decoder.container(keyedBy: CodingKeys.self)
            id = block.lenientValue(String.self, forKey: .id)
            name = block.lenientValue(String.self, forKey: .name) ?? ""
            input = [:]
            guard let fields = try? block.nestedContainer(keyedBy: JSONObjectKey.self, forKey: .input) else { return }
            for key in fields.allKeys {
                if let text = fields.lenientValue(String.self, forKey: key) {
                    input[key.stringValue] = text
                } else if let flag = fields.lenientValue(Bool.self, forKey: key) {
                    input[key.stringValue] = String(flag)
                } else if let number = fields.lenientValue(Double.self, forKey: key) {
                    input[key.stringValue] = number.rounded() == number && abs(number) < 1e15
                        ? String(Int64(number)) : String(number)
                }
            }
        }
    }
}
