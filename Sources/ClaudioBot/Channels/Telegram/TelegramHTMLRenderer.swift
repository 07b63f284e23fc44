/// Renders the Markdown claude writes as Telegram's HTML parse mode (SPEC §11: HTML needs only `<`, `>` and `&`
/// escaped, where MarkdownV2 needs most punctuation escaped).
///
/// An emitter over `MarkdownBlockClassifier`'s blocks and `MarkdownInlineParser`'s nodes, holding Telegram's rules
/// only: fenced code blocks become `<pre><code class="language-x">`, headings become bold lines, list bullets
/// become "•"; emphasis becomes `<b>`, `<i>`, `<s>`, code spans `<code>`, links `<a href>` for the schemes Telegram
/// accepts. Everything else is text, escaped. Telegram rejects entities of nothing, so an empty code block stays
/// as its fences.
enum TelegramHTMLRenderer {
    /// Telegram's limit on a message's text, in UTF-16 code units after entity parsing.
    static let messageLimit = 4096

    /// Where inline HTML goes, which decides what Telegram lets it contain.
    private struct Nesting {
        /// Telegram shows code only outside every other entity; inside bold or a link it is plain text.
        var allowsCode: Bool
        /// Telegram cannot nest a link in a link.
        var allowsLinks: Bool

        static let line = Nesting(allowsCode: true, allowsLinks: true)
        /// A heading is bold already.
        static let heading = Nesting(allowsCode: false, allowsLinks: true)
        static let linkText = Nesting(allowsCode: false, allowsLinks: false)

        var insideFormatting: Nesting { Nesting(allowsCode: false, allowsLinks: allowsLinks) }
    }

    /// Links with other schemes (`javascript:`, relative paths) are shown as the Markdown they were written as.
    private static let linkSchemePrefixes = ["http://", "https://", "tg://", "mailto:"]
    /// An attribute value is quoted, so a quote in it is escaped as well.
    private static let attributeEscapes = MarkupEscaper.htmlEntities.merging(["\"": "&quot;"]) { $1 }

    static func render(_ markdown: String) -> String {
        MarkdownBlockClassifier.blocks(of: markdown).map(html(of:)).joined(separator: "\n")
    }

    /// The length Telegram measures: the text after entity parsing (tags removed, each character reference one
    /// character), in UTF-16 code units.
    static func visibleLength(ofHTML html: String) -> Int {
        var length = 0
        var inTag = false
        var inReference = false
        for unit in html.utf16 {
            if inTag {
                if unit == UInt16(UInt8(ascii: ">")) { inTag = false }
            } else if inReference {
                if unit == UInt16(UInt8(ascii: ";")) { inReference = false }
            } else if unit == UInt16(UInt8(ascii: "<")) {
                inTag = true
            } else if unit == UInt16(UInt8(ascii: "&")) {
                inReference = true
                length += 1
            } else {
                length += 1
            }
        }
        return length
    }

    /// Text with Telegram's three special characters replaced by references.
    static func escape(_ text: some StringProtocol) -> String {
        MarkupEscaper.escape(text)
    }

    // MARK: - Blocks

    private static func html(of block: MarkdownBlock) -> String {
        switch block {
        case .fencedCode(let codeBlock):
            return preformatted(codeBlock)
        case .heading(_, let text):
            return text.isEmpty ? "" : "<b>" + inlineHTML(of: text, in: .heading) + "</b>"
        case .bulletItem(let item):
            return String(item.indentation) + "• " + inlineHTML(of: item.content, in: .line)
        case .thematicBreak(let line):
            return escape(line)
        case .blockQuote(let marker, let content):
            return escape(marker) + html(of: content)
        case .paragraphLine(let indentation, let text):
            return String(indentation) + inlineHTML(of: text, in: .line)
        case .blank(let line):
            return String(line)
        }
    }

    private static func preformatted(_ codeBlock: MarkdownCodeBlock) -> String {
        let code = codeBlock.code
        guard !code.isEmpty else {
            let fenceLines = [codeBlock.openingLine] + codeBlock.lines + (codeBlock.closingLine.map { [$0] } ?? [])
            return fenceLines.map { escape($0) }.joined(separator: "\n")
        }
        let open = language(of: codeBlock.fence).map { "<pre><code class=\"language-\($0)\">" } ?? "<pre><code>"
        return open + escape(code) + "</code></pre>"
    }

    /// The fence's language when it is a plausible name, safe in a class attribute as it is.
    private static func language(of fence: CodeFence) -> Substring? {
        guard let language = fence.language,
            language.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-#._".contains($0)) })
        else { return nil }
        return language
    }

    // MARK: - Inline

    private static func inlineHTML(of text: Substring, in nesting: Nesting) -> String {
        html(of: MarkdownInlineParser.parse(text), in: nesting)
    }

    private static func html(of nodes: [MarkdownInline], in nesting: Nesting) -> String {
        nodes.map { html(of: $0, in: nesting) }.joined()
    }

    private static func html(of node: MarkdownInline, in nesting: Nesting) -> String {
        switch node {
        case .text(let text):
            return escape(text)
        case .code(let code):
            return nesting.allowsCode && !code.isEmpty ? "<code>" + escape(code) + "</code>" : escape(code)
        case .emphasis(let children):
            return element("i", containing: html(of: children, in: nesting.insideFormatting))
        case .strong(let children):
            return element("b", containing: html(of: children, in: nesting.insideFormatting))
        case .strikethrough(let children):
            return element("s", containing: html(of: children, in: nesting.insideFormatting))
        case .link(let link):
            let text = html(of: link.children, in: .linkText)
            if nesting.allowsLinks, !text.isEmpty, let anchor = anchor(to: link.destination, showing: text) {
                return anchor
            }
            // Shown as written, its text still formatted where it stands.
            return (link.isImage ? "![" : "[") + html(of: link.children, in: nesting) + "]"
                + escape(link.targetSource)
        case .autolink(let autolink):
            let text = escape(autolink.text)
            if nesting.allowsLinks, let anchor = anchor(to: autolink.destination, showing: text) { return anchor }
            return "&lt;" + text + "&gt;"
        }
    }

    /// `<tag>content</tag>`, or nothing for empty content, which Telegram would refuse.
    private static func element(_ tag: String, containing content: String) -> String {
        content.isEmpty ? "" : "<\(tag)>\(content)</\(tag)>"
    }

    /// A link to `url` around `html`; nil when Telegram would not accept the URL: another scheme, or spaces
    /// (which CommonMark allows in `<…>` destinations).
    private static func anchor(to url: String, showing html: String) -> String? {
        let lowercased = url.lowercased()
        guard linkSchemePrefixes.contains(where: { lowercased.hasPrefix($0) }), !url.contains(where: \.isWhitespace)
        else { return nil }
        return "<a href=\"\(MarkupEscaper.replacing(attributeEscapes, in: url))\">\(html)</a>"
    }
}
