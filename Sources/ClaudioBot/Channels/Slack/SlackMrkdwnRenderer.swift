/// Renders the Markdown claude writes as Slack mrkdwn.
///
/// - `**bold**` / `__bold__` → `*bold*`; `*italic*` / `_italic_` → `_italic_`; `~~strike~~` → `~strike~`.
/// - `[text](url)` and `![alt](url)` → `<url|text>` for http, https and mailto URLs; any other scheme is shown as
///   text, never made clickable.
/// - Headings → bold lines; bullets → `•`; task items → ☐ / ☑; rules → a line; `>` quotes stay quotes.
/// - Fenced code blocks and inline code keep their content unformatted (a fence's language is dropped: Slack would
///   show it as the first code line).
/// - `&`, `<` and `>` are escaped everywhere except in the links made here, so text from claude can never form a
///   Slack control sequence (`<!channel>`, `<@U…>`) or a link of its own.
enum SlackMrkdwnRenderer {
    static func render(_ markdown: String) -> String {
        var lines: [String] = []
        var openFence: CodeFence?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if let fence = openFence {
                if fence.isClosed(by: line) {
                    lines.append("```")
                    openFence = nil
                } else {
                    lines.append(escaped(line))
                }
            } else if let fence = CodeFence(openingLine: line) {
                openFence = fence
                lines.append("```")
            } else {
                lines.append(renderLine(line))
            }
        }
        if openFence != nil { lines.append("```") }
        return lines.joined(separator: "\n")
    }

    /// `text` with Slack's three control characters escaped, for text shown as typed.
    static func escaped(_ text: some StringProtocol) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            default: result.append(character)
            }
        }
        return result
    }

    // MARK: - Lines

    private static func renderLine(_ line: Substring) -> String {
        let indent = line.prefix { $0 == " " || $0 == "\t" }
        let body = line.dropFirst(indent.count)
        if indent.count < 4, let title = headingTitle(body) {
            let text = SlackInlineMarkdown.render(title, allowBold: false)
            return text.isEmpty ? "" : "*\(text)*"
        }
        if indent.count < 4, isThematicBreak(body) {
            return "──────────"
        }
        if indent.count < 4, body.first == ">" {
            return "> " + renderLine(body.dropFirst().drop { $0 == " " })
        }
        if let marker = body.first, "-*+".contains(marker), body.dropFirst().first == " " {
            let item = body.dropFirst(2)
            return String(indent) + bulletedItem(item)
        }
        return String(indent) + SlackInlineMarkdown.render(body)
    }

    private static func bulletedItem(_ item: Substring) -> String {
        let isOpenTask = item.hasPrefix("[ ] ")
        guard isOpenTask || item.hasPrefix("[x] ") || item.hasPrefix("[X] ") else {
            return "• " + SlackInlineMarkdown.render(item)
        }
        return (isOpenTask ? "☐ " : "☑ ") + SlackInlineMarkdown.render(item.dropFirst(4))
    }

    /// The text of an ATX heading (`## Title ##`), nil when the line is not one.
    private static func headingTitle(_ body: Substring) -> Substring? {
        let hashes = body.prefix { $0 == "#" }
        guard (1...6).contains(hashes.count) else { return nil }
        let rest = body.dropFirst(hashes.count)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        var title = rest.drop { $0 == " " || $0 == "\t" }
        while title.last == " " || title.last == "\t" { title = title.dropLast() }
        let closing = title.reversed().prefix { $0 == "#" }.count
        if closing > 0 {
            let withoutClosing = title.dropLast(closing)
            if withoutClosing.isEmpty || withoutClosing.last == " " { title = withoutClosing }
        }
        while title.last == " " { title = title.dropLast() }
        return title
    }

    /// `---`, `***`, `___` (three or more, spaces allowed between).
    private static func isThematicBreak(_ body: Substring) -> Bool {
        let marks = body.filter { $0 != " " && $0 != "\t" }
        guard let first = marks.first, "-*_".contains(first), marks.count >= 3 else { return false }
        return marks.allSatisfy { $0 == first }
    }
}
