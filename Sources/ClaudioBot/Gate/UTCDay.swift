import Foundation

/// A calendar day in UTC: what a user's cost today counts, and what a daily budget resets with (SPEC §16). Unix time
/// has no leap seconds, so every UTC day is exactly 86 400 s.
struct UTCDay: Sendable, Hashable {
    static let length: TimeInterval = 86_400

    /// Days since 1970-01-01.
    let number: Int

    init(containing date: Date) {
        number = Int((date.timeIntervalSince1970 / Self.length).rounded(.down))
    }

    /// Midnight UTC at the day's start.
    var start: Date { Date(timeIntervalSince1970: Double(number) * Self.length) }

    /// Midnight UTC at the day's end: the start of the next.
    var end: Date { Date(timeIntervalSince1970: Double(number + 1) * Self.length) }
}
