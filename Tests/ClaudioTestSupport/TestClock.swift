import Foundation
import Synchronization

/// A `Clock` that stands still until the test moves it, so that code which waits (retry back-offs, poll intervals,
/// timeouts, rate-limit windows) can be tested at once and the same way every run, instead of by sleeping for real.
///
/// Hand it to the code under test wherever that takes `some Clock<Duration>`, wait until that code is asleep with
/// ``sleepers(atLeast:)``, then ``advance(by:)``: the sleeps whose deadline has come wake, soonest first.
///
/// ```swift
/// let clock = TestClock()
/// let retry = Task { try await backOff(clock: clock) }   // sleeps 30 s
/// await clock.sleepers(atLeast: 1)
/// #expect(clock.pendingDeadlines == [clock.now + .seconds(30)])
/// clock.advance(by: .seconds(30))
/// try await retry.value
/// ```
///
/// Code that stamps `Date`s can read ``date``: the fixed ``startDate`` plus the time the clock has moved.
///
/// One mutex guards all of its state, so it can be shared by any number of tasks and threads.
package final class TestClock: Clock, Sendable {
    /// The standard duration, so the clock fits every API that takes `some Clock<Duration>`.
    package typealias Duration = Swift.Duration
    /// Where this clock stands; see ``TestClockInstant``.
    package typealias Instant = TestClockInstant

    /// The default ``startDate``: 2024-01-01 00:00:00 UTC, a fixed date so that what tests record never depends on
    /// the day they run.
    package static let defaultStartDate = Date(timeIntervalSince1970: 1_704_067_200)

    /// The wall-clock date at ``TestClockInstant/start``.
    package let startDate: Date

    private let state = Mutex(TestClockState())

    /// A clock at ``TestClockInstant/start``, whose ``date`` is then `startDate`.
    package init(startDate: Date = TestClock.defaultStartDate) {
        self.startDate = startDate
    }

    // MARK: - Clock

    /// The time now: where the last ``advance(by:)`` or ``advance(to:)`` left the clock.
    package var now: Instant {
        state.withLock { $0.now }
    }

    /// Zero: the clock is exactly where it was moved to, and a sleep wakes exactly at its deadline.
    package var minimumResolution: Duration {
        .zero
    }

    /// Suspends until the clock is moved to `deadline` or past it; returns at once when it already is.
    ///
    /// - Parameter tolerance: ignored; the clock wakes a sleep exactly at its deadline.
    /// - Throws: `CancellationError` as soon as the task is cancelled (at once, when it already was), like the
    ///   system clocks.
    package func sleep(until deadline: Instant, tolerance: Duration? = nil) async throws {
        let id = state.withLock { $0.makeID() }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                // Checking for cancellation under the lock closes the race with `onCancel`: the flag is set before
                // the handler runs, so either the handler finds this sleep recorded or the check here sees the flag.
                let (outcome, satisfiedWaiters) = state.withLock {
                    state -> (Result<Void, any Error>?, [CheckedContinuation<Void, Never>]) in
                    if Task.isCancelled { return (.failure(CancellationError()), []) }
                    if deadline <= state.now { return (.success(()), []) }
                    return (nil, state.addSleeper((deadline, continuation), id: id))
                }
                for waiter in satisfiedWaiters { waiter.resume() }
                if let outcome { continuation.resume(with: outcome) }
            }
        } onCancel: {
            state.withLock { $0.removeSleeper(id: id) }?.resume(throwing: CancellationError())
        }
    }

    // MARK: - Moving the clock

    /// Moves the clock `duration` forward and wakes every sleep whose deadline that reaches, soonest first (sleeps
    /// with the same deadline in the order they began).
    ///
    /// The woken tasks then run concurrently, as tasks do: wait on what they do, not on their order.
    /// - Precondition: `duration` is not negative; a clock never goes back.
    /// - Returns: the deadlines of the sleeps it woke, in the order it woke them.
    @discardableResult
    package func advance(by duration: Duration) -> [Instant] {
        precondition(duration >= .zero, "a TestClock only moves forward, not by \(duration)")
        return move(to: { $0 + duration })
    }

    /// Moves the clock to `instant` and wakes every sleep whose deadline that reaches, as ``advance(by:)`` does.
    ///
    /// - Precondition: `instant` is not before ``now``.
    /// - Returns: the deadlines of the sleeps it woke, in the order it woke them.
    @discardableResult
    package func advance(to instant: Instant) -> [Instant] {
        move(to: { _ in instant })
    }

    /// Moves to `target(now)`, with `now` read under the same lock as the move so that concurrent advances add up.
    private func move(to target: (Instant) -> Instant) -> [Instant] {
        let due = state.withLock { state in state.advance(to: target(state.now)) }
        for sleeper in due { sleeper.continuation.resume() }
        return due.map(\.deadline)
    }

    // MARK: - Watching the sleeps

    /// Returns once at least `count` sleeps are suspended on this clock (at once, when they already are), so a test
    /// can wait until the code under test is asleep before it moves the clock, instead of guessing with a real sleep.
    ///
    /// Returns at once, too, when the task is cancelled: a test that gives up must not hang here.
    package func sleepers(atLeast count: Int) async {
        let id = state.withLock { $0.makeID() }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let ready = state.withLock { state in
                    if Task.isCancelled || state.sleeperCount >= count { return true }
                    state.addWaiter((count, continuation), id: id)
                    return false
                }
                if ready { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.removeWaiter(id: id) }?.resume()
        }
    }

    /// How many sleeps are suspended on this clock now.
    package var sleeperCount: Int {
        state.withLock { $0.sleeperCount }
    }

    /// The deadlines of the sleeps suspended on this clock, soonest first: what the code under test is waiting for.
    package var pendingDeadlines: [Instant] {
        state.withLock { $0.pendingDeadlines }
    }

    // MARK: - Wall clock

    /// ``startDate`` plus the time the clock has moved: the `Date` for code that records when things happened.
    package var date: Date {
        date(at: now)
    }

    /// The wall-clock date at `instant`.
    package func date(at instant: Instant) -> Date {
        let (seconds, attoseconds) = instant.offset.components
        return startDate.addingTimeInterval(TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18)
    }
}
