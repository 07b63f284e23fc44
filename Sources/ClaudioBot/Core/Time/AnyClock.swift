import Foundation

/// Any `Clock<Duration>` behind one type; its readings are the time elapsed since the clock was wrapped.
///
/// Time is one seam in Claudio: every part that waits or measures takes a clock — a `ContinuousClock` in the daemon
/// (it keeps counting through a suspend, so a window or a timeout still expires), a test clock in tests. Small timing
/// types are generic over `C: Clock<Duration>`; the long-lived parts many others hold (the gate, the scheduler, the
/// runner) keep an `AnyClock` instead, so a test clock reaches them without a generic parameter on every type that
/// mentions them. Wall-clock `Date`s are read only where a time is recorded for people, or where a rule follows the
/// calendar (a daily budget resets at midnight UTC): then through ``date``, so a test clock moves the calendar too.
struct AnyClock: Clock {
    /// A reading: the time since the wrapped clock's reading at wrapping.
    struct Instant: InstantProtocol {
        var sinceStart: Duration

        func advanced(by duration: Duration) -> Instant { Instant(sinceStart: sinceStart + duration) }
        func duration(to other: Instant) -> Duration { other.sinceStart - sinceStart }
        static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.sinceStart < rhs.sinceStart }
    }

    let minimumResolution: Duration
    private let elapsed: @Sendable () -> Duration
    private let sleeper: @Sendable (_ until: Duration, _ tolerance: Duration?) async throws -> Void
    private let wallDate: @Sendable () -> Date

    init<C: Clock<Duration>>(_ clock: C) {
        let start = clock.now
        minimumResolution = clock.minimumResolution
        elapsed = { start.duration(to: clock.now) }
        sleeper = { offset, tolerance in try await clock.sleep(until: start.advanced(by: offset), tolerance: tolerance) }
        if let dated = clock as? any DatedClock {
            wallDate = { dated.date }
        } else {
            wallDate = { Date() }
        }
    }

    /// The daemon's clock.
    static var continuous: AnyClock { AnyClock(ContinuousClock()) }

    var now: Instant { Instant(sinceStart: elapsed()) }

    /// The wall-clock date now: the wrapped clock's own when it keeps one (`DatedClock`), else the system's.
    var date: Date { wallDate() }

    func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        try await sleeper(deadline.sinceStart, tolerance)
    }
}
