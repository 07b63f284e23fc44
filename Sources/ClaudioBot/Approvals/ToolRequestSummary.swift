import Shared

/// What a tool request would do, shown to whoever answers it (SPEC §13): Bash's command in a code block; for file
/// edits the path and up to 20 lines of the new text; for web tools the URL or query; anything else its input as
/// JSON, at most 500 characters.
struct ToolRequestSummary: Sendable, Equatable {
    /// For the chat: Markdown.
    var markdown: String
    /// For the console, the CLI and the history: one line.
    var line: String

    static let maxNewTextLines = 20
    static let maxInputJSONCharacters = 500
    static let maxLineCharacters = 200
    /// A command or new text longer than this is cut, so the question fits in one chat message.
    static let maxShownCharacters = 2500

    init(_ request: ToolPermissionRequest) {
        let input = request.input
        switch request.toolName {
        case "Bash":
            let command = input["command"]?.stringValue ?? input.jsonText
            markdown = Self.codeBlock(Self.cut(command), language: "sh")
            line = command
        case "Edit", "Write", "MultiEdit", "NotebookEdit":
            let path = input["file_path"]?.stringValue ?? input["notebook_path"]?.stringValue ?? "?"
            let text = Self.newText(of: request.toolName, input: input)
            markdown = "`\(Self.inlineCode(path))`" + (text.map { "\n" + Self.codeBlock(Self.cut(Self.firstLines(of: $0))) } ?? "")
            line = path
        case "WebFetch":
            let url = input["url"]?.stringValue ?? input.jsonText
            markdown = "`\(Self.inlineCode(url))`"
            line = url
        case "WebSearch":
            let query = input["query"]?.stringValue ?? input.jsonText
            markdown = "`\(Self.inlineCode(query))`"
            line = query
        default:
            let json = String(input.jsonText.prefix(Self.maxInputJSONCharacters))
            markdown = Self.codeBlock(json, language: "json")
            line = json
        }
        line = TextSanitizer.excerpt(line, limit: Self.maxLineCharacters)
    }

    /// The text a file tool would write.
    private static func newText(of tool: String, input: JSONValue) -> String? {
        switch tool {
        case "Write": return input["content"]?.stringValue
        case "Edit": return input["new_string"]?.stringValue
        case "NotebookEdit": return input["new_source"]?.stringValue
        case "MultiEdit":
            guard case .array(let edits)? = input["edits"] else { return nil }
            return edits.compactMap { $0["new_string"]?.stringValue }.joined(separator: "\n")
        default: return nil
        }
    }

    private static func cut(_ text: String) -> String {
        text.count > maxShownCharacters ? text.prefix(maxShownCharacters) + "\n… (cut)" : text
    }

    private static func firstLines(of text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count > maxNewTextLines else { return text }
        return lines.prefix(maxNewTextLines).joined(separator: "\n") + "\n… (\(lines.count - maxNewTextLines) more lines)"
    }

    /// A fenced block that the text cannot close early: the fence is longer than any backtick run inside.
    private static func codeBlock(_ text: String, language: String = "") -> String {
        var longest = 0
        var run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        return "\(fence)\(language)\n\(text)\n\(fence)"
    }

    /// Inline code cannot hold a backtick or a line break; they are replaced.
    private static func inlineCode(_ text: String) -> String {
        String(text.map { $0 == "`" ? "'" : ($0.isNewline ? " " : $0) })
    }
}
