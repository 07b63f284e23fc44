/// Replaces the characters a markup reserves by their escaped forms.
enum MarkupEscaper {
    /// `&`, `<` and `>` as `&amp;`, `&lt;` and `&gt;`: the three characters Telegram's HTML and Slack's mrkdwn
    /// both reserve, and write the same way.
    static let htmlEntities: [Character: String] = ["&": "&amp;", "<": "&lt;", ">": "&gt;"]

    /// `text` with `&`, `<` and `>` written as HTML entities.
    static func escape(_ text: some StringProtocol) -> String {
        replacing(htmlEntities, in: text)
    }

    /// `text` with every character that `replacements` has a key for replaced by its value.
    static func replacing(_ replacements: [Character: String], in text: some StringProtocol) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            if let replacement = replacements[character] {
                result += replacement
            } else {
                result.append(character)
            }
        }
        return result
    }
}
