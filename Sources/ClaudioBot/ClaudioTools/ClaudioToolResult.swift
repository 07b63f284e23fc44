import Shared

/// What one of Claudio's tools tells the model: an MCP tool result of one text block.
struct ClaudioToolResult: Sendable, Equatable {
    var text: String
    /// The tool could not do what was asked; `text` says why.
    var isError: Bool

    static func success(_ text: String) -> ClaudioToolResult {
        ClaudioToolResult(text: text, isError: false)
    }

    static func failure(_ text: String) -> ClaudioToolResult {
        ClaudioToolResult(text: text, isError: true)
    }

    /// The `result` of the `tools/call` answer.
    var json: JSONValue {
        var result: [String: JSONValue] = ["content": [["type": "text", "text": .string(text)]]]
        if isError { result["isError"] = true }
        return .object(result)
    }
}
