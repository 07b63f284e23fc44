/// Renders the Markdown claude writes as Telegram's HTML parse mode (SPEC §11: HTML needs only `<`, `>` and `&`
/// escaped, where MarkdownV2 needs most punctuation escaped).
///
/// Block level: fenced code blocks become `<pre><code class="language-x">`, headings become bold lines, list bullets
/// become "•". Inline Markdown is left to `TelegramInlineMarkdown`. Everything else is text, escaped.
/// Telegram rejects entities of nothing, so an empty code block stays as its fences.
enum TelegramHTMLRenderer {
    /// Telegram's limit on a message's text, in UTF-16 code units after entity parsing.
    static let messageLimit = 4096

    static func render(_ markdown: String) -> String {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        var output: [String] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            guard let fence = Fence(opening: line) else {
                output.append(renderLine(line))
                index += 1
                continue
            }
            var body: [Substring] = []
            var closed = false
            index += 1
            while index < lines.count {
                defer { index += 1 }
                if fence.isClosed(by: lines[index]) {
                    closed = true
                    break
                }
                body.append(lines[index])
            }
            let code = body.joined(separator: "\n")
            if code.isEmpty {
                output.append(escape(String(line)))
                output.append(contentsOf: body.map { escape(String($0)) })
                if closed { output.append(escape(fence.closing)) }
            } else {
                let open = fence.language.map { "<pre><code class=\"language-\($0)\">" } ?? "<pre><code>"
                output.append(open + escape(code) + "</code></pre>")
            }
        }
        return output.joined(separator: "\n")
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
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    // MARK: - Lines

    private static func renderLine(_ line: Substring) -> String {
        let indentation = line.prefix { $0 == " " || $0 == "\t" }
        let content = line.dropFirst(indentation.count)
        if let heading = headingText(content) {
            return heading.isEmpty ? "" : "<b>" + TelegramInlineMarkdown.render(heading, insideEntity: true) + "</b>"
        }
        for bullet in ["- ", "* ", "+ "] where content.hasPrefix(bullet) {
            return indentation + "• " + TelegramInlineMarkdown.render(content.dropFirst(2))
        }
        return indentation + TelegramInlineMarkdown.render(content)
    }

    /// The text of an ATX heading (`# Title`, closing hashes removed), nil when the line is not one.
    private static func headingText(_ line: Substring) -> Substring? {
        let hashes = line.prefix { $0 == "#" }
        guard (1...6).contains(hashes.count) else { return nil }
        let rest = line.dropFirst(hashes.count)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        var text = rest.drop { $0 == " " || $0 == "\t" }
        while text.last == " " || text.last == "\t" { text.removeLast() }
        let closing = text.reversed().prefix { $0 == "#" }.count
        if closing > 0 {
            let beforeClosing = text.dropLast(closing)
            if beforeClosing.isEmpty || beforeClosing.last == " " || beforeClosing.last == "\t" {
                text = beforeClosing
                while text.last == " " || text.last == "\t" { text.removeLast() }
            }
        }
        return text
    }

    /// A code fence: three or more backticks or tildes, indented at most three spaces.
    private struct Fence {
        var marker: Character
        var length: Int
        /// The info string's first word when it is a plausible language name.
        var language: String?

        init?(opening line: Substring) {
            let indentation = line.prefix { $0 == " " }.count
            guard indentation <= 3 else { return nil }
            let rest = line.dropFirst(indentation)
            guard let marker = rest.first, marker == "`" || marker == "~" else { return nil }
            let length = rest.prefix { $0 == marker }.count
            guard length >= 3 else { return nil }
            let info = rest.dropFirst(length).trimmingWhitespace()
            if marker == "`", info.contains("`") { return nil }
            self.marker = marker
            self.length = length
            let word = info.prefix { !$0.isWhitespace }
            let allowed = word.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-#._".contains($0)) }
            language = word.isEmpty || !allowed ? nil : String(word)
        }

        func isClosed(by line: Substring) -> Bool {
            let indentation = line.prefix { $0 == " " }.count
            guard indentation <= 3 else { return false }
            let rest = line.dropFirst(indentation)
            let run = rest.prefix { $0 == marker }.count
            return run >= length && rest.dropFirst(run).allSatisfy(\.isWhitespace)
        }

        var closing: String { String(repeating: marker, count: length) }
    }
}

extension Substring {
    fileprivate func trimmingWhitespace() -> Substring {
        var text = drop { $0.isWhitespace }
        while text.last?.isWhitespace == true { text.removeLast() }
        return text
    }
}
