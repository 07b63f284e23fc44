/// Turns claude's latest activity into the one short line shown in the "⏳ Working…" message, e.g.
/// "🔧 Bash: ls -la" or "🔁 API retry 3/10 (HTTP 500)".
package enum ProgressSummary {
    /// Characters in a summary, "…" included when it was cut.
    static let maximumLength = 120

    /// The summary of `event`, or nil for events that are not activity (session start, tool results,
    /// the final result), after which the previous summary still holds.
    package static func line(for event: ClaudeStreamEvent) -> String? {
        switch event {
        case .toolUse(let toolUse):
            return line(for: toolUse)
        case .assistantText(let text, _):
            return excerpt(ofText: text).map { oneLine("💭 " + $0) }
        case .apiRetry(let retry):
            return line(for: retry)
        case .sessionStarted, .toolResult, .result, .other, .controlRequest, .controlResponse:
            return nil
        }
    }

    static func line(for toolUse: ClaudeStreamEvent.ToolUse) -> String {
        let icon = presentation[toolUse.name]?.icon ?? "🔧"
        return oneLine("\(icon) \(call(toolUse))")
    }

    /// The call without its icon, e.g. "Bash: ls -la": the tool's name and what it works on, when that is known.
    static func call(_ toolUse: ClaudeStreamEvent.ToolUse) -> String {
        let name = toolUse.name.isEmpty ? "tool" : toolUse.name
        guard let inputField = presentation[name]?.inputField, let argument = toolUse.input[inputField],
            !argument.isEmpty
        else { return oneLine(name) }
        return oneLine("\(name): \(argument)")
    }

    /// The first line of a text that is not blank, cut to a summary's length; nil when there is none.
    static func excerpt(ofText text: String) -> String? {
        firstNonBlankLine(of: text).map { oneLine(String($0)) }
    }

    static func line(for retry: ClaudeStreamEvent.APIRetry) -> String {
        var line = "🔁 API retry"
        if let attempt = retry.attempt {
            line += retry.maxRetries.map { " \(attempt)/\($0)" } ?? " \(attempt)"
        }
        if let status = retry.errorStatus {
            line += " (HTTP \(status))"
        } else if let error = retry.error, !error.isEmpty {
            line += " (\(error))"
        }
        return oneLine(line)
    }

    /// Built-in tools and Claudio's own: their icon and the input field that says what the call is about.
    private static let presentation: [String: (icon: String, inputField: String)] = [
        "Bash": ("🔧", "command"),
        "Read": ("📖", "file_path"),
        "Edit": ("✏️", "file_path"),
        "MultiEdit": ("✏️", "file_path"),
        "NotebookEdit": ("✏️", "notebook_path"),
        "Write": ("📝", "file_path"),
        "Grep": ("🔍", "pattern"),
        "Glob": ("🗂️", "pattern"),
        "WebFetch": ("🌐", "url"),
        "WebSearch": ("🔎", "query"),
        "Task": ("🤖", "description"),
        "Agent": ("🤖", "description"),
        // Claudio's own tool (SPEC §14): the file it sends.
        "mcp__claudio__send_file": ("📎", "path"),
    ]

    private static func oneLine(_ text: String) -> String {
        TextSanitizer.excerpt(text, limit: maximumLength)
    }

    private static func firstNonBlankLine(of text: String) -> Substring? {
        var rest = text[...]
        while !rest.isEmpty {
            let end = rest.firstIndex(where: \.isNewline) ?? rest.endIndex
            let line = rest[..<end]
            if line.contains(where: { !$0.isWhitespace }) { return line }
            rest = end < rest.endIndex ? rest[rest.index(after: end)...] : rest[end...]
        }
        return nil
    }
}
