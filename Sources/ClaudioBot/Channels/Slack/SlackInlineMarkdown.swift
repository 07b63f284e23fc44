import Foundation

/// The inline half of `SlackMrkdwnRenderer`: emphasis, code spans, links and escaping within one line.
///
/// Works on an array of characters so delimiters can be matched by position; a delimiter without a partner stays
/// as typed.
enum SlackInlineMarkdown {
    /// Schemes that become clickable links; anything else (`javascript:`, relative paths) is shown as text.
    private static let linkSchemes: Set<String> = ["http", "https", "mailto"]

    /// - Parameter allowBold: false inside headings, which are bold already (Slack cannot nest bold).
    static func render(_ text: some StringProtocol, allowBold: Bool = true) -> String {
        let characters = Array(text)
        return render(characters, 0..<characters.count, allowBold: allowBold)
    }

    private static func render(_ c: [Character], _ range: Range<Int>, allowBold: Bool) -> String {
        var out = ""
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let character = c[i]
            switch character {
            case "\\" where i + 1 < end && c[i + 1].isASCII && (c[i + 1].isPunctuation || c[i + 1].isSymbol):
                out += SlackMrkdwnRenderer.escaped(String(c[i + 1]))
                i += 2
            case "`":
                let run = c[i..<end].prefix { $0 == "`" }.count
                if let close = closingCodeRun(c, length: run, from: i + run, end: end) {
                    out += "`" + SlackMrkdwnRenderer.escaped(codeContent(c[(i + run)..<close])) + "`"
                    i = close + run
                } else {
                    out += String(repeating: "`", count: run)
                    i += run
                }
            case "*", "_":
                if let (rendered, next) = emphasis(c, at: i, end: end, allowBold: allowBold) {
                    out += rendered
                    i = next
                } else {
                    out.append(character)
                    i += 1
                }
            case "~" where i + 1 < end && c[i + 1] == "~":
                if let close = closingStrike(c, from: i + 2, end: end) {
                    out += "~" + render(c, (i + 2)..<close, allowBold: allowBold) + "~"
                    i = close + 2
                } else {
                    out += "~~"
                    i += 2
                }
            case "!" where i + 1 < end && c[i + 1] == "[":
                if let link = link(c, openingAt: i + 1, end: end) {
                    out += link.rendered
                    i = link.next
                } else {
                    out += "!"
                    i += 1
                }
            case "[":
                if let link = link(c, openingAt: i, end: end) {
                    out += link.rendered
                    i = link.next
                } else {
                    out += "["
                    i += 1
                }
            case "<":
                if let (url, next) = autolink(c, at: i, end: end) {
                    out += "<\(url)>"
                    i = next
                } else {
                    out += "&lt;"
                    i += 1
                }
            case "&", ">":
                out += SlackMrkdwnRenderer.escaped(String(character))
                i += 1
            default:
                out.append(character)
                i += 1
            }
        }
        return out
    }

    // MARK: - Code spans

    private static func closingCodeRun(_ c: [Character], length: Int, from start: Int, end: Int) -> Int? {
        var j = start
        while j < end {
            guard c[j] == "`" else {
                j += 1
                continue
            }
            let run = c[j..<end].prefix { $0 == "`" }.count
            if run == length { return j }
            j += run
        }
        return nil
    }

    /// CommonMark drops one space on each side when both are there (so "`` `x` ``" can show backticks).
    private static func codeContent(_ content: ArraySlice<Character>) -> String {
        if content.count >= 2, content.first == " ", content.last == " ", content.contains(where: { $0 != " " }) {
            return String(content.dropFirst().dropLast())
        }
        return String(content)
    }

    // MARK: - Emphasis

    private static func emphasis(_ c: [Character], at i: Int, end: Int, allowBold: Bool) -> (String, Int)? {
        let marker = c[i]
        let width = i + 1 < end && c[i + 1] == marker ? 2 : 1
        let start = i + width
        guard start < end, !c[start].isWhitespace else { return nil }
        // snake_case_names are words, not emphasis.
        if marker == "_", i > 0, c[i - 1].isLetter || c[i - 1].isNumber { return nil }
        var j = start + 1
        while j + width <= end {
            if c[j] == "`" {
                // A marker inside a code span does not close the emphasis around it.
                let run = c[j..<end].prefix { $0 == "`" }.count
                j = closingCodeRun(c, length: run, from: j + run, end: end).map { $0 + run } ?? j + run
                continue
            }
            if isClosing(c, at: j, marker: marker, width: width, end: end) {
                if width == 2 {
                    let inner = render(c, start..<j, allowBold: false)
                    return (allowBold ? "*\(inner)*" : inner, j + 2)
                }
                return ("_" + render(c, start..<j, allowBold: allowBold) + "_", j + 1)
            }
            j += 1
        }
        return nil
    }

    private static func isClosing(_ c: [Character], at j: Int, marker: Character, width: Int, end: Int) -> Bool {
        guard c[j] == marker, !c[j - 1].isWhitespace else { return false }
        if width == 2 {
            guard c[j + 1] == marker else { return false }
        } else {
            // A single marker next to another is part of a double one.
            guard c[j - 1] != marker, j + 1 >= end || c[j + 1] != marker else { return false }
        }
        if marker == "_", j + width < c.count, c[j + width].isLetter || c[j + width].isNumber { return false }
        return true
    }

    private static func closingStrike(_ c: [Character], from start: Int, end: Int) -> Int? {
        guard start < end, !c[start].isWhitespace else { return nil }
        var j = start + 1
        while j + 1 < end {
            if c[j] == "~", c[j + 1] == "~", !c[j - 1].isWhitespace { return j }
            j += 1
        }
        return nil
    }

    // MARK: - Links

    /// `[text](destination)` starting at the `[`; `rendered` is the Slack form.
    private static func link(_ c: [Character], openingAt open: Int, end: Int) -> (rendered: String, next: Int)? {
        var depth = 0
        var j = open
        while j < end {
            if c[j] == "\\" {
                j += 2
                continue
            }
            if c[j] == "[" { depth += 1 }
            if c[j] == "]" {
                depth -= 1
                if depth == 0 { break }
            }
            j += 1
        }
        guard j + 1 < end, c[j] == "]", c[j + 1] == "(" else { return nil }
        var k = j + 2
        var parentheses = 0
        while k < end {
            if c[k] == "(" { parentheses += 1 }
            if c[k] == ")" {
                if parentheses == 0 { break }
                parentheses -= 1
            }
            k += 1
        }
        guard k < end else { return nil }
        var destination = String(c[(j + 2)..<k]).trimmingCharacters(in: .whitespaces)
        // An optional title ([text](url "title")) is not shown by Slack.
        if let space = destination.firstIndex(where: \.isWhitespace) { destination = String(destination[..<space]) }
        if destination.hasPrefix("<"), destination.hasSuffix(">") {
            destination = String(destination.dropFirst().dropLast())
        }
        let label = String(c[(open + 1)..<j]).filter { $0 != "*" && $0 != "`" }
        return (linkText(label: label, destination: destination), k + 1)
    }

    private static func linkText(label: String, destination: String) -> String {
        guard isLinkable(destination) else {
            if label.isEmpty { return SlackMrkdwnRenderer.escaped(destination) }
            return SlackMrkdwnRenderer.escaped(label) + " (" + SlackMrkdwnRenderer.escaped(destination) + ")"
        }
        let url = linkSafe(destination)
        return label.isEmpty ? "<\(url)>" : "<\(url)|\(SlackMrkdwnRenderer.escaped(label))>"
    }

    /// `<https://…>` autolinks.
    private static func autolink(_ c: [Character], at i: Int, end: Int) -> (String, Int)? {
        var j = i + 1
        while j < end, c[j] != ">", c[j] != "<", !c[j].isWhitespace { j += 1 }
        guard j < end, c[j] == ">" else { return nil }
        let destination = String(c[(i + 1)..<j])
        guard isLinkable(destination) else { return nil }
        return (linkSafe(destination), j + 1)
    }

    private static func isLinkable(_ destination: String) -> Bool {
        guard let colon = destination.firstIndex(of: ":"), !destination.contains(where: \.isWhitespace) else {
            return false
        }
        return linkSchemes.contains(destination[..<colon].lowercased())
    }

    /// Characters that would end or split the control sequence are percent-encoded.
    private static func linkSafe(_ url: String) -> String {
        var result = ""
        for character in url {
            switch character {
            case "|": result += "%7C"
            case "<": result += "%3C"
            case ">": result += "%3E"
            default: result.append(character)
            }
        }
        return result
    }
}
