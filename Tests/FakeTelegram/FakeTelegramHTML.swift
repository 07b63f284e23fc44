import Foundation

/// Telegram's HTML parse mode, as strict as the real server: only its tags, balanced, nested within its rules, and
/// every `<`, `>`, `&` outside a tag or reference escaped. Failures read like Telegram's "can't parse entities" texts.
package enum FakeTelegramHTML {
    package struct Failure: Error, CustomStringConvertible {
        package var description: String
    }

    private static let tags: Set<String> = [
        "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a", "code", "pre",
        "blockquote", "tg-emoji",
    ]
    private static let formatting: Set<String> = [
        "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler",
    ]

    /// The visible text of `html`.
    package static func visibleText(_ html: String) throws(Failure) -> String {
        var text = ""
        var open: [String] = []
        var index = html.startIndex
        while index < html.endIndex {
            let character = html[index]
            switch character {
            case "<":
                guard let close = html[index...].firstIndex(of: ">") else {
                    throw Failure(description: "Unclosed start tag at byte offset \(offset(index, in: html))")
                }
                let tag = html[html.index(after: index)..<close]
                try apply(tag, to: &open, at: offset(index, in: html))
                index = html.index(after: close)
            case "&":
                let (decoded, next) = try reference(in: html, at: index)
                text += decoded
                index = next
            case ">":
                throw Failure(description: "Unexpected end tag at byte offset \(offset(index, in: html))")
            default:
                text.append(character)
                index = html.index(after: index)
            }
        }
        if let unclosed = open.last {
            throw Failure(description: "Can't find end tag corresponding to start tag \"\(unclosed)\"")
        }
        return text
    }

    private static func apply(_ tag: Substring, to open: inout [String], at offset: Int) throws(Failure) {
        if tag.hasPrefix("/") {
            let name = tag.dropFirst().trimmingCharacters(in: .whitespaces).lowercased()
            guard open.last == name else {
                throw Failure(
                    description: "Unmatched end tag at byte offset \(offset), expected \"</\(open.last ?? "")>\", "
                        + "found \"</\(name)>\"")
            }
            open.removeLast()
            return
        }
        let name = String(tag.prefix { !$0.isWhitespace }).lowercased()
        guard tags.contains(name) else {
            throw Failure(description: "Unsupported start tag \"\(name)\" at byte offset \(offset)")
        }
        let attributes = tag.dropFirst(name.count).trimmingCharacters(in: .whitespaces)
        if name == "a", !(attributes.hasPrefix("href=\"") && attributes.hasSuffix("\"")) {
            throw Failure(description: "Tag \"a\" must have attribute \"href\"")
        }
        if let parent = open.last {
            let allowed: Bool
            switch parent {
            case "pre": allowed = name == "code"
            case "code": allowed = false
            case "a": allowed = formatting.contains(name)
            default: allowed = !(name == "a" && open.contains("a")) && !(name == "pre" && !open.isEmpty)
            }
            if !allowed || (formatting.contains(parent) && (name == "code" || name == "pre")) {
                throw Failure(description: "Entity \"\(name)\" can't be nested inside \"\(parent)\"")
            }
        }
        open.append(name)
    }

    private static func reference(in html: String, at start: String.Index) throws(Failure) -> (String, String.Index) {
        let rest = html[html.index(after: start)...].prefix(12)
        guard let semicolon = rest.firstIndex(of: ";") else {
            throw Failure(description: "Character entity expected at byte offset \(offset(start, in: html))")
        }
        let name = rest[..<semicolon]
        let decoded: String?
        switch name {
        case "lt": decoded = "<"
        case "gt": decoded = ">"
        case "amp": decoded = "&"
        case "quot": decoded = "\""
        default:
            if name.hasPrefix("#x"), let value = UInt32(name.dropFirst(2), radix: 16) {
                decoded = Unicode.Scalar(value).map { String($0) }
            } else if name.hasPrefix("#"), let value = UInt32(name.dropFirst()) {
                decoded = Unicode.Scalar(value).map { String($0) }
            } else {
                decoded = nil
            }
        }
        guard let decoded else {
            throw Failure(
                description: "Unsupported HTML entity \"&\(name);\" at byte offset \(offset(start, in: html))")
        }
        return (decoded, html.index(after: semicolon))
    }

    private static func offset(_ index: String.Index, in text: String) -> Int {
        text.utf8.distance(from: text.startIndex, to: index)
    }
}
