import Foundation
import Shared

/// A denied-access record (SPEC §4): who tried, where, why, and how often within one folding interval.
///
/// Repeated attempts fold into one record (`count` and `lastAt` grow), so a store must treat a record with a known
/// `id` as an update of that row.
struct DeniedRecord: Sendable, Equatable, Codable, Identifiable {
    /// Opaque and unique across restarts.
    var id: String
    /// The first attempt.
    var at: Date
    /// The latest attempt folded into this record.
    var lastAt: Date
    var platform: Platform
    var userID: String
    var username: String?
    var chatID: String
    var reason: DeniedReason
    /// The first attempt's text: at most `maxExcerptLength` Unicode scalars, control characters removed,
    /// line breaks turned into spaces.
    var excerpt: String
    var count: Int

    static let maxExcerptLength = 100

    enum CodingKeys: String, CodingKey {
        case id
        case at
        case lastAt = "last_at"
        case platform
        case userID = "user_id"
        case username
        case chatID = "chat_id"
        case reason
        case excerpt
        case count
    }

    /// The excerpt of `text` to keep: safe to print on a terminal and in a log line.
    ///
    /// Besides C0/C1 controls, bidirectional overrides and isolates are removed, since they can make the console
    /// show text in an order other than the one it was sent in. Reading stops after `maxLength` kept scalars, so a
    /// huge message costs no more than a short one.
    static func excerpt(of text: String, maxLength: Int = maxExcerptLength) -> String {
        var kept = String.UnicodeScalarView()
        var keptCount = 0
        var previousWasCarriageReturn = false
        for scalar in text.unicodeScalars {
            guard keptCount < maxLength else { break }
            defer { previousWasCarriageReturn = scalar == "\r" }
            if scalar == "\n" && previousWasCarriageReturn { continue }
            if isLineBreak(scalar) || scalar == "\t" {
                kept.append(" ")
                keptCount += 1
            } else if !isInvisibleControl(scalar) {
                kept.append(scalar)
                keptCount += 1
            }
        }
        return String(kept).trimmingCharacters(in: .whitespaces)
    }

    private static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    private static func isInvisibleControl(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.properties.generalCategory == .control { return true }
        switch scalar.value {
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
