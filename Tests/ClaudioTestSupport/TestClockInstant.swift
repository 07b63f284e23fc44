/// A point on a ``TestClock``: how far the clock had moved since it was made. Counting from zero, not from a real
/// instant, keeps what tests print and compare the same on every run.
package struct TestClockInstant: InstantProtocol, CustomStringConvertible {
    /// A clock that moves only when told needs no finer or coarser unit than the standard one.
    package typealias Duration = Swift.Duration

    /// Where every ``TestClock`` starts.
    package static let start = TestClockInstant(offset: .zero)

    /// How far after ``start`` this instant lies.
    package var offset: Duration

    /// The instant `offset` after ``start``.
    package init(offset: Duration) {
        self.offset = offset
    }

    /// The instant `duration` later (earlier, when it is negative).
    package func advanced(by duration: Duration) -> TestClockInstant {
        TestClockInstant(offset: offset + duration)
    }

    /// How long from this instant to `other`; negative when `other` comes first.
    package func duration(to other: TestClockInstant) -> Duration {
        other.offset - offset
    }

    /// Whether `lhs` comes before `rhs`.
    package static func < (lhs: TestClockInstant, rhs: TestClockInstant) -> Bool {
        lhs.offset < rhs.offset
    }

    /// The instant `rhs` after `lhs`, so tests can write `clock.now + .seconds(5)`.
    package static func + (lhs: TestClockInstant, rhs: Duration) -> TestClockInstant {
        lhs.advanced(by: rhs)
    }

    /// The instant `rhs` before `lhs`.
    package static func - (lhs: TestClockInstant, rhs: Duration) -> TestClockInstant {
        lhs.advanced(by: .zero - rhs)
    }

    /// How long from `rhs` to `lhs`.
    package static func - (lhs: TestClockInstant, rhs: TestClockInstant) -> Duration {
        rhs.duration(to: lhs)
    }

    /// `start+5.0 seconds`, say: the offset is what tells two instants apart in a failed expectation.
    package var description: String {
        "start+\(offset)"
    }
}
