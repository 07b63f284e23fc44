/// Renders the inline Markdown of one line as Telegram HTML: `code` → `<code>`, **bold** / __bold__ → `<b>`,
/// *italic* / _italic_ → `<i>`, ~~struck~~ → `<s>`, [text](url) → `<a href>`; backslash escapes are honoured and
/// `<`, `>`, `&` are escaped everywhere.
///
/// Telegram lets bold, italic and strikethrough contain links but not code, and lets nothing contain code or a link
/// contain another link, so code inside emphasis or a link text is shown as plain text. An `_` inside a word
/// (`snake_case`) is never emphasis, and delimiters without a partner stay as they are.
struct TelegramInlineMarkdown {
    /// What may appear at the current nesting level.
    private struct Allowed {
        var code: Bool
        var links: Bool
    }

    private let characters: [Character]

    private init(_ text: Substring) {
        characters = Array(text)
    }

    /// - Parameter insideEntity: the line is already inside bold (a heading), where code is not allowed.
    static func render(_ text: Substring, insideEntity: Bool = false) -> String {
        let renderer = TelegramInlineMarkdown(text)
        return renderer.render(0..<renderer.characters.count, allowed: Allowed(code: !insideEntity, links: true))
    }

    private func render(_ range: Range<Int>, allowed: Allowed) -> String {
        var output = ""
        var index = range.lowerBound
        while index < range.upperBound {
            let character = characters[index]
            switch character {
            case "\\":
                if index + 1 < range.upperBound, Self.isEscapable(characters[index + 1]) {
                    output += TelegramHTMLRenderer.escape(String(characters[index + 1]))
                    index += 2
                } else {
                    output += "\\"
                    index += 1
                }
            case "`":
                let run = runLength(at: index, of: "`", before: range.upperBound)
                guard let close = closingBackticks(from: index + run, length: run, before: range.upperBound) else {
                    output += String(repeating: "`", count: run)
                    index += run
                    continue
                }
                let code = TelegramHTMLRenderer.escape(codeSpanText(index + run..<close))
                output += allowed.code && !code.isEmpty ? "<code>\(code)</code>" : code
                index = close + run
            case "[" where allowed.links:
                guard let link = link(at: index, before: range.upperBound) else {
                    output += "["
                    index += 1
                    continue
                }
                let text = render(link.text, allowed: Allowed(code: false, links: false))
                output += "<a href=\"\(Self.attribute(link.url))\">\(text)</a>"
                index = link.end
            case "*", "_", "~":
                if let emphasis = emphasis(at: index, in: range, allowed: allowed) {
                    output += emphasis.html
                    index = emphasis.end
                } else {
                    let run = runLength(at: index, of: character, before: range.upperBound)
                    output += String(repeating: character, count: run)
                    index += run
                }
            default:
                output += TelegramHTMLRenderer.escape(String(character))
                index += 1
            }
        }
        return output
    }

    // MARK: - Code spans

    private func runLength(at index: Int, of character: Character, before end: Int) -> Int {
        var length = 0
        while index + length < end, characters[index + length] == character { length += 1 }
        return length
    }

    /// Where a run of exactly `length` backticks starts, at or after `start`.
    private func closingBackticks(from start: Int, length: Int, before end: Int) -> Int? {
        var index = start
        while index < end {
            guard characters[index] == "`" else {
                index += 1
                continue
            }
            let run = runLength(at: index, of: "`", before: end)
            if run == length { return index }
            index += run
        }
        return nil
    }

    /// A code span's content: one space on each side is padding when both are there (CommonMark).
    private func codeSpanText(_ range: Range<Int>) -> String {
        var content = characters[range]
        if content.count >= 2, content.first == " ", content.last == " ", content.contains(where: { $0 != " " }) {
            content = content.dropFirst().dropLast()
        }
        return String(content)
    }

    // MARK: - Links

    private struct Link {
        var text: Range<Int>
        var url: String
        var end: Int
    }

    /// `[text](url "title")` starting at `start`, when its URL uses a scheme Telegram accepts and its text is not
    /// empty.
    private func link(at start: Int, before end: Int) -> Link? {
        var depth = 0
        var index = start
        var textEnd: Int?
        while index < end {
            switch characters[index] {
            case "\\": index += 1
            case "[": depth += 1
            case "]":
                depth -= 1
                if depth == 0 { textEnd = index }
            default: break
            }
            if textEnd != nil { break }
            index += 1
        }
        guard let textEnd, textEnd > start + 1, textEnd + 1 < end, characters[textEnd + 1] == "(" else { return nil }
        depth = 0
        index = textEnd + 1
        while index < end {
            if characters[index] == "(" { depth += 1 }
            if characters[index] == ")" {
                depth -= 1
                if depth == 0 { break }
            }
            index += 1
        }
        guard index < end else { return nil }
        let target = characters[(textEnd + 2)..<index].drop { $0 == " " }
        var url = String(target.prefix { $0 != " " })
        if url.hasPrefix("<"), url.hasSuffix(">") { url = String(url.dropFirst().dropLast()) }
        let lowered = url.lowercased()
        guard ["http://", "https://", "tg://", "mailto:"].contains(where: { lowered.hasPrefix($0) }) else { return nil }
        return Link(text: (start + 1)..<textEnd, url: url, end: index + 1)
    }

    private static func attribute(_ value: String) -> String {
        TelegramHTMLRenderer.escape(value).replacingOccurrences(of: "\"", with: "&quot;")
    }

    // MARK: - Emphasis

    /// Emphasis opened by the delimiter run at `start`: `*`/`_` once for italic, twice for bold, three times for
    /// both; `~~` for strikethrough.
    private func emphasis(at start: Int, in range: Range<Int>, allowed: Allowed) -> (html: String, end: Int)? {
        let delimiter = characters[start]
        let run = runLength(at: start, of: delimiter, before: range.upperBound)
        guard delimiter == "~" ? run == 2 : run <= 3 else { return nil }
        let contentStart = start + run
        guard contentStart < range.upperBound, !characters[contentStart].isWhitespace else { return nil }
        if delimiter == "_", start > range.lowerBound, Self.isWordCharacter(characters[start - 1]) { return nil }
        guard let close = closingRun(of: delimiter, length: run, from: contentStart, before: range.upperBound)
        else { return nil }
        let inner = render(contentStart..<close, allowed: Allowed(code: false, links: allowed.links))
        let html: String
        switch (delimiter, run) {
        case ("~", _): html = "<s>\(inner)</s>"
        case (_, 1): html = "<i>\(inner)</i>"
        case (_, 2): html = "<b>\(inner)</b>"
        default: html = "<b><i>\(inner)</i></b>"
        }
        return (html, close + run)
    }

    /// The start of the run that closes emphasis opened with `length` × `delimiter`: same length, after a
    /// non-space, and for `_` not followed by a word character. Code spans in between are skipped whole.
    private func closingRun(of delimiter: Character, length: Int, from start: Int, before end: Int) -> Int? {
        var index = start
        while index < end {
            let character = characters[index]
            if character == "\\" {
                index += 2
                continue
            }
            if character == "`" {
                let run = runLength(at: index, of: "`", before: end)
                index = closingBackticks(from: index + run, length: run, before: end).map { $0 + run } ?? index + run
                continue
            }
            guard character == delimiter else {
                index += 1
                continue
            }
            let run = runLength(at: index, of: delimiter, before: end)
            let afterRun = index + run
            if run == length, index > start, !characters[index - 1].isWhitespace,
                delimiter != "_" || afterRun >= end || !Self.isWordCharacter(characters[afterRun])
            {
                return index
            }
            index = afterRun
        }
        return nil
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber
    }

    /// ASCII punctuation, which a backslash makes literal (CommonMark).
    private static func isEscapable(_ character: Character) -> Bool {
        character.isASCII && character.isPunctuation || character.isASCII && character.isSymbol
    }
}
