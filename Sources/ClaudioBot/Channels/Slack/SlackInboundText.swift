/// Turns the text of a Slack message or slash command into the plain text a prompt should be.
///
/// Slack sends text with `&`, `<` and `>` escaped and with mentions and links as control sequences (`<@U123>`,
/// `<https://example.com|example.com>`, `<#C123|general>`, `<!here>`). Mentions of the bot are removed; other
/// sequences become what the user saw; the escapes are undone.
enum SlackInboundText {
    /// - Parameters:
    ///   - text: the text as Slack sent it.
    ///   - botUserID: the bot's own user ID; every `<@botUserID>` is removed.
    static func plain(_ text: String, removingMentionsOf botUserID: String) -> String {
        var output = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "<") {
            output += rest[..<open]
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: ">") else {
                rest = rest[open...]
                break
            }
            let sequence = rest[afterOpen..<close]
            rest = rest[rest.index(after: close)...]
            if let shown = replacement(for: sequence, botUserID: botUserID) {
                output += shown
            } else if output.allSatisfy(\.isWhitespace) {
                // "@Claudio: do this" addresses the bot; the colon is not part of the prompt.
                rest = rest.drop { $0 == " " || $0 == ":" || $0 == "," }
            } else if output.last?.isWhitespace == true {
                // The removed mention leaves no double space behind: "ask <@BOT> now" → "ask now".
                rest = rest.drop { $0 == " " }
            }
        }
        output += rest
        return unescaped(output).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// What the user saw for a control sequence (the text between `<` and `>`); nil for a mention of the bot.
    private static func replacement(for sequence: Substring, botUserID: String) -> String? {
        let parts = sequence.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
        let target = parts[0]
        let label = parts.count > 1 ? String(parts[1]) : nil
        switch target.first {
        case "@":
            let userID = target.dropFirst()
            if userID == botUserID { return nil }
            return "@" + (label ?? String(userID))
        case "#":
            return "#" + (label ?? String(target.dropFirst()))
        case "!":
            // <!here>, <!channel>, <!subteam^S123|@team>, <!date^…|fallback>
            if let label { return label }
            return "@" + target.dropFirst().prefix { $0 != "^" }
        default:
            let url = String(target)
            guard let label, !label.isEmpty else { return url }
            // Slack links a typed "example.com" as <http://example.com|example.com>: show what was typed.
            return url.hasSuffix(label) || label == url ? label : "\(label) (\(url))"
        }
    }

    private static func unescaped(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
