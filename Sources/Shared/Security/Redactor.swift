import Foundation

/// Removes known secrets (bot tokens, app tokens) from text before it leaves the process:
/// error descriptions, log lines, admin API answers.
///
/// The Telegram bot token is part of every Bot API URL, so any text that may contain a URL,
/// or a message built from one (curl's own error text included), goes through a redactor.
public struct Redactor: Sendable {
    /// What every occurrence of a secret is replaced with.
    public static let placeholder = "‹redacted›"

    /// The secrets as given, kept so ``adding(_:)`` can build on them.
    private let secrets: [String]
    /// Spellings to replace, longest first so a secret that contains another is replaced whole.
    private let spellings: [String]

    /// - Parameter secrets: values that must never appear in output. Empty strings are ignored.
    public init(secrets: [String]) {
        self.secrets = secrets.filter { !$0.isEmpty }
        var spellings = Set<String>()
        for secret in self.secrets {
            spellings.insert(secret)
            // A secret placed in a URL may have been percent-encoded on the way (":" → "%3A").
            if let encoded = secret.addingPercentEncoding(withAllowedCharacters: Self.unreserved) {
                spellings.insert(encoded)
                spellings.insert(encoded.lowercasedPercentEscapes())
            }
        }
        self.spellings = spellings.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
    }

    /// The URL characters never percent-encoded (RFC 3986 "unreserved").
    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"
    )

    /// A redactor that leaves text unchanged.
    public static let none = Redactor(secrets: [])

    /// Whether this redactor knows no secret at all.
    public var isEmpty: Bool { spellings.isEmpty }

    /// A redactor that also removes `moreSecrets`.
    public func adding(_ moreSecrets: [String]) -> Redactor {
        Redactor(secrets: secrets + moreSecrets)
    }

    /// `text` with every occurrence of every secret replaced by ``placeholder``.
    public func redact(_ text: String) -> String {
        var result = text
        for spelling in spellings where result.contains(spelling) {
            result = result.replacingOccurrences(of: spelling, with: Self.placeholder)
        }
        return result
    }

    /// A form of `secret` safe to show an operator, enough to tell which secret is configured:
    /// a Slack-style kind prefix (`"xoxb-…(57 chars)"`) or the first four characters of a
    /// long secret (`"1234…(46 chars)"`); short secrets show nothing but their length.
    public static func mask(_ secret: String) -> String {
        let length = "(\(secret.count) chars)"
        if let dash = secret.firstIndex(of: "-"),
            secret.distance(from: secret.startIndex, to: dash) <= 4,
            secret[..<dash].allSatisfy({ $0.isLetter })
        {
            return String(secret[...dash]) + "…" + length
        }
        guard secret.count >= 16 else { return "…" + length }
        return String(secret.prefix(4)) + "…" + length
    }
}

// The secrets themselves must not leak through `print(redactor)` or `dump(redactor)`.
extension Redactor: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String { "Redactor(\(secrets.map(Redactor.mask).joined(separator: ", ")))" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}

extension String {
    /// The same text with the hex digits of percent escapes in lower case ("%3A" → "%3a").
    fileprivate func lowercasedPercentEscapes() -> String {
        var result = ""
        var pendingHexDigits = 0
        for character in self {
            if character == "%" {
                pendingHexDigits = 2
                result.append(character)
            } else if pendingHexDigits > 0 {
                pendingHexDigits -= 1
                result.append(contentsOf: character.lowercased())
            } else {
                result.append(character)
            }
        }
        return result
    }
}
