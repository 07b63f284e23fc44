/// The target of an inline link, `(destination "title")`, as CommonMark defines it: a destination in
/// `<…>` or without spaces and with balanced parentheses (so `(https://en.wikipedia.org/wiki/Swift_(language))`
/// keeps its last parenthesis), then an optional title in quotes or parentheses.
struct MarkdownLinkTarget: Sendable, Equatable {
    var destination: String
    var title: String?
    /// The index just past the closing `)`.
    var end: Int

    /// The target starting with the `(` at `start`, nil when there is none (then the brackets before it are
    /// text).
    static func parse(_ characters: [Character], at start: Int) -> MarkdownLinkTarget? {
        var scanner = Scanner(characters: characters, index: start)
        guard scanner.take("(") else { return nil }
        scanner.skipSpaces()
        guard let destination = scanner.destination() else { return nil }
        let destinationEnd = scanner.index
        scanner.skipSpaces()
        var title: String?
        // A title must be separated from the destination.
        if scanner.index > destinationEnd, let parsed = scanner.title() {
            title = parsed
            scanner.skipSpaces()
        }
        guard scanner.take(")") else { return nil }
        return MarkdownLinkTarget(destination: destination, title: title, end: scanner.index)
    }

    /// A cursor over the characters after `](`.
    private struct Scanner {
        let characters: [Character]
        var index: Int

        var current: Character? { index < characters.count ? characters[index] : nil }

        mutating func take(_ character: Character) -> Bool {
            guard current == character else { return false }
            index += 1
            return true
        }

        mutating func skipSpaces() {
            while let character = current, character == " " || character == "\t" { index += 1 }
        }

        /// The character at the cursor with a backslash escape resolved, moving past both.
        mutating func takeEscapable() -> Character? {
            guard let character = current else { return nil }
            index += 1
            if character == "\\", let escaped = current, escaped.isASCIIPunctuation {
                index += 1
                return escaped
            }
            return character
        }

        /// `<…>` (anything but `<`, `>` and line breaks), or a run without spaces or controls whose
        /// parentheses balance; empty when the target closes at once (`[text]()`).
        mutating func destination() -> String? {
            if current == ")" { return "" }
            var destination = ""
            if take("<") {
                while let character = current, character != ">" {
                    guard character != "<", !character.isNewline, let taken = takeEscapable() else { return nil }
                    destination.append(taken)
                }
                return take(">") ? destination : nil
            }
            var depth = 0
            while let character = current, !character.isWhitespace, !character.isASCIIControl {
                if character == "(" { depth += 1 }
                if character == ")" {
                    if depth == 0 { break }
                    depth -= 1
                }
                guard let taken = takeEscapable() else { break }
                destination.append(taken)
            }
            return depth == 0 && !destination.isEmpty ? destination : nil
        }

        /// `"title"`, `'title'` or `(title)`; nil, the cursor left anywhere, when it does not close.
        mutating func title() -> String? {
            let closers: [Character: Character] = ["\"": "\"", "'": "'", "(": ")"]
            guard let opener = current, let closer = closers[opener] else { return nil }
            index += 1
            var title = ""
            while let character = current, character != closer {
                if opener == "(", character == "(" { return nil }
                guard let taken = takeEscapable() else { return nil }
                title.append(taken)
            }
            return take(closer) ? title : nil
        }
    }
}
