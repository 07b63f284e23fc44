/// An autolink: an absolute URI or an email address between angle brackets (CommonMark).
struct MarkdownAutolink: Sendable, Equatable {
    /// Where it leads: the URI as written, or `mailto:` and the address.
    var destination: String
    /// What was written between the brackets.
    var text: String

    /// The autolink starting with the `<` at `start`, and the index after its `>`; nil when the brackets
    /// hold anything else (a Slack mention `<@U1>`, HTML, a comparison), which stays text.
    static func parse(_ characters: [Character], at start: Int) -> (autolink: MarkdownAutolink, end: Int)? {
        var index = start + 1
        while index < characters.count, characters[index] != ">" {
            let character = characters[index]
            if character == "<" || character.isWhitespace || character.isASCIIControl { return nil }
            index += 1
        }
        guard index < characters.count else { return nil }
        let text = String(characters[(start + 1)..<index])
        if isAbsoluteURI(text) { return (MarkdownAutolink(destination: text, text: text), index + 1) }
        if isEmailAddress(text) { return (MarkdownAutolink(destination: "mailto:" + text, text: text), index + 1) }
        return nil
    }

    /// A scheme of 2 to 32 characters (a letter, then letters, digits, `+`, `.`, `-`), a colon, anything.
    private static func isAbsoluteURI(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":") else { return false }
        let scheme = text[..<colon]
        guard (2...32).contains(scheme.count), let first = scheme.first, first.isASCII, first.isLetter else {
            return false
        }
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+.-".contains($0)) }
    }

    /// CommonMark's (HTML5's) email address: a local part, `@`, and dot-separated labels of letters, digits
    /// and inner hyphens.
    private static func isEmailAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty else { return false }
        let isLocalPart = parts[0].allSatisfy {
            $0.isASCII && ($0.isLetter || $0.isNumber || ".!#$%&'*+/=?^_`{|}~-".contains($0))
        }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return isLocalPart
            && labels.allSatisfy { label in
                (1...63).contains(label.count) && label.first != "-" && label.last != "-"
                    && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
            }
    }
}
