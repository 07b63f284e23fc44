/// Renders the Markdown claude writes as Slack mrkdwn: an emitter over `MarkdownBlockClassifier`'s blocks and
/// `MarkdownInlineParser`'s nodes, holding Slack's rules only.
///
/// - `**bold**` / `__bold__` → `*bold*`; `*italic*` / `_italic_` → `_italic_`; `~~strike~~` → `~strike~`.
/// - `[text](url)`, `![alt](url)` and `<url>` → `<url|text>` for http, https and mailto URLs; any other scheme is
///   shown as text, never made clickable.
/// - Headings → bold lines; bullets → `•`; task items → ☐ / ☑; rules → a line; `>` quotes stay quotes.
/// - Fenced code blocks and inline code keep their content unformatted (a fence's language is dropped: Slack would
///   show it as the first code line).
/// - `&`, `<` and `>` are escaped everywhere except in the links made here, so text from claude can never form a
///   Slack control sequence (`<!channel>`, `<@U…>`) or a link of its own.
enum SlackMrkdwnRenderer {
    /// Schemes that become clickable links; anything else (`javascript:`, relative paths) is shown as text.
    private static let linkSchemes: Set<String> = ["http", "https", "mailto"]

    static func render(_ markdown: String) -> String {
        MarkdownBlockClassifier.blocks(of: markdown).map(mrkdwn(of:)).joined(separator: "\n")
    }

    /// `text` with Slack's three control characters escaped, for text shown as typed.
    static func escaped(_ text: some StringProtocol) -> String {
        MarkupEscaper.escape(text)
    }

    // MARK: - Blocks

    private static func mrkdwn(of block: MarkdownBlock) -> String {
        switch block {
        case .fencedCode(let codeBlock):
            // Always closed: an open block would swallow the rest of the message's formatting.
            return (["```"] + codeBlock.lines.map { escaped($0) } + ["```"]).joined(separator: "\n")
        case .heading(_, let text):
            // Slack cannot nest bold, so bold inside the (bold) heading is dropped.
            let title = inlineMrkdwn(of: text, allowsBold: false)
            return title.isEmpty ? "" : "*\(title)*"
        case .bulletItem(let item):
            let indentation = String(item.indentation)
            guard let task = item.task else { return indentation + "• " + inlineMrkdwn(of: item.content) }
            return indentation + (task.isDone ? "☑ " : "☐ ") + inlineMrkdwn(of: task.text)
        case .thematicBreak:
            return "──────────"
        case .blockQuote(_, let content):
            return "> " + mrkdwn(of: content)
        case .paragraphLine(let indentation, let text):
            return String(indentation) + inlineMrkdwn(of: text)
        case .blank(let line):
            return String(line)
        }
    }

    // MARK: - Inline

    private static func inlineMrkdwn(of text: Substring, allowsBold: Bool = true) -> String {
        mrkdwn(of: MarkdownInlineParser.parse(text), allowsBold: allowsBold)
    }

    private static func mrkdwn(of nodes: [MarkdownInline], allowsBold: Bool) -> String {
        nodes.map { mrkdwn(of: $0, allowsBold: allowsBold) }.joined()
    }

    private static func mrkdwn(of node: MarkdownInline, allowsBold: Bool) -> String {
        switch node {
        case .text(let text):
            return escaped(text)
        case .code(let code):
            return "`" + escaped(code) + "`"
        case .emphasis(let children):
            return "_" + mrkdwn(of: children, allowsBold: allowsBold) + "_"
        case .strong(let children):
            let content = mrkdwn(of: children, allowsBold: false)
            return allowsBold ? "*\(content)*" : content
        case .strikethrough(let children):
            return "~" + mrkdwn(of: children, allowsBold: allowsBold) + "~"
        case .link(let link):
            // Slack formats nothing inside a link's label, so the label is the text without its Markdown.
            return linkMrkdwn(label: link.children.plainText, destination: link.destination)
        case .autolink(let autolink):
            guard isLinkable(autolink.destination) else { return escaped("<" + autolink.text + ">") }
            let label = autolink.text == autolink.destination ? "" : autolink.text
            return linkMrkdwn(label: label, destination: autolink.destination)
        }
    }

    /// `<url|label>` (or `<url>` without a label) for a linkable destination; otherwise the label and the
    /// destination as text.
    private static func linkMrkdwn(label: String, destination: String) -> String {
        guard isLinkable(destination) else {
            if label.isEmpty { return escaped(destination) }
            return escaped(label) + " (" + escaped(destination) + ")"
        }
        let url = linkSafe(destination)
        return label.isEmpty ? "<\(url)>" : "<\(url)|\(escaped(label))>"
    }

    private static func isLinkable(_ destination: String) -> Bool {
        guard let colon = destination.firstIndex(of: ":"), !destination.contains(where: \.isWhitespace) else {
            return false
        }
        return linkSchemes.contains(destination[..<colon].lowercased())
    }

    /// Characters that would end or split the control sequence are percent-encoded.
    private static func linkSafe(_ url: String) -> String {
        MarkupEscaper.replacing(["|": "%7C", "<": "%3C", ">": "%3E"], in: url)
    }
}
