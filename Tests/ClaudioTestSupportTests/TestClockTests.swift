import ClaudioTestSupport
import Foundation
import Testing

/// The test clock moves only when told, wakes sleeps in deadline order, gives up promptly on cancellation, and lets
/// tests wait for sleeps rather than guess with real time.
@Suite struct TestClockTests {
    /// Starts a task that sleeps on `clock` until `deadline` and then returns it.
    private static func sleeper(
        on clock: TestClock, until deadline: TestClockInstant
    ) -> Task<TestClockInstant, any Error> {
        Task {
            try await clock.sleep(until: deadline, tolerance: nil)
            return deadline
        }
    }

    // MARK: - Time

    @Test func startsAtZeroAndMovesOnlyWhenAdvanced() {
        let clock = TestClock()
        #expect(clock.now == .start)
        #expect(clock.minimumResolution == .zero)
        clock.advance(by: .seconds(90))
        #expect(clock.now == TestClockInstant.start + .seconds(90))
        clock.advance(to: clock.now + .milliseconds(250))
        #expect(clock.now.offset == .milliseconds(90_250))
        clock.advance(by: .zero)
        #expect(clock.now.offset == .milliseconds(90_250))
    }

    @Test func instantArithmetic() {
        let a = TestClockInstant(offset: .seconds(5))
        let b = a + .seconds(3)
        #expect(b.offset == .seconds(8))
        #expect(b - a == .seconds(3))
        #expect(a.duration(to: b) == .seconds(3))
        #expect(b.duration(to: a) == .seconds(-3))
        #expect(b - .seconds(8) == .start)
        #expect(a < b)
        #expect("\(a)" == "start+5.0 seconds")
    }

    @Test func dateIsTheStartDatePlusTheElapsedTime() {
        let start = Date(timeIntervalSince1970: 1_000_000)
        let clock = TestClock(startDate: start)
        #expect(clock.date == start)
        clock.advance(by: .seconds(61) + .milliseconds(500))
        #expect(clock.date == start.addingTimeInterval(61.5))
        #expect(clock.date(at: .start + .seconds(10)) == start.addingTimeInterval(10))
        #expect(TestClock().startDate == TestClock.defaultStartDate)
    }

    // MARK: - Sleeping

    @Test func aDeadlineAlreadyReachedReturnsAtOnce() async throws {
        let clock = TestClock()
        try await clock.sleep(until: clock.now, tolerance: nil)
        clock.advance(by: .seconds(10))
        try await clock.sleep(until: .start + .seconds(3), tolerance: nil)
        try await clock.sleep(for: .zero)
        try await clock.sleep(for: .seconds(-1))
        #expect(clock.sleeperCount == 0)
        #expect(clock.now.offset == .seconds(10))
    }

    @Test func aSleepWakesExactlyAtItsDeadlineNotBefore() async throws {
        let clock = TestClock()
        let sleep = Self.sleeper(on: clock, until: .start + .seconds(10))
        await clock.sleepers(atLeast: 1)
        #expect(clock.advance(by: .seconds(9)).isEmpty)
        #expect(clock.advance(by: .milliseconds(999)).isEmpty)
        #expect(clock.pendingDeadlines == [.start + .seconds(10)])
        #expect(clock.advance(by: .milliseconds(1)) == [.start + .seconds(10)])
        #expect(try await sleep.value == .start + .seconds(10))
        #expect(clock.sleeperCount == 0)
    }

    @Test func sleepsWakeInDeadlineOrderWithinOneAdvance() async throws {
        let clock = TestClock()
        let deadlines = [3, 1, 2, 1].map { TestClockInstant.start + .seconds($0) }
        var sleeps: [Task<TestClockInstant, any Error>] = []
        for (index, deadline) in deadlines.enumerated() {
            sleeps.append(Self.sleeper(on: clock, until: deadline))
            // One at a time, so the order they began in (which breaks the tie at 1 s) is known.
            await clock.sleepers(atLeast: index + 1)
        }
        #expect(clock.pendingDeadlines == deadlines.sorted())
        #expect(clock.advance(by: .seconds(5)) == deadlines.sorted())
        for (sleep, deadline) in zip(sleeps, deadlines) {
            #expect(try await sleep.value == deadline)
        }
    }

    @Test func eachAdvanceWakesOnlyTheSleepsItReaches() async throws {
        let clock = TestClock()
        let first = Self.sleeper(on: clock, until: .start + .seconds(1))
        let second = Self.sleeper(on: clock, until: .start + .seconds(2))
        let third = Self.sleeper(on: clock, until: .start + .seconds(3))
        await clock.sleepers(atLeast: 3)

        #expect(clock.advance(by: .milliseconds(1_500)) == [.start + .seconds(1)])
        _ = try await first.value
        #expect(clock.pendingDeadlines == [.start + .seconds(2), .start + .seconds(3)])

        #expect(clock.advance(to: .start + .seconds(2)) == [.start + .seconds(2)])
        _ = try await second.value
        #expect(clock.pendingDeadlines == [.start + .seconds(3)])

        #expect(clock.advance(by: .seconds(3600)) == [.start + .seconds(3)])
        _ = try await third.value
        #expect(clock.pendingDeadlines.isEmpty)
    }

    @Test func sleepForCountsFromNow() async throws {
        let clock = TestClock()
        clock.advance(by: .seconds(100))
        let sleep = Task { try await clock.sleep(for: .seconds(30)) }
        await clock.sleepers(atLeast: 1)
        #expect(clock.pendingDeadlines == [.start + .seconds(130)])
        clock.advance(by: .seconds(30))
        try await sleep.value
    }

    @Test func servesGenericCodeThatTakesAnyClockOfDuration() async throws {
        func waitTwice(on clock: some Clock<Duration>) async throws -> Int {
            try await clock.sleep(for: .seconds(1))
            try await Task.sleep(for: .seconds(1), clock: clock)
            return 2
        }
        let clock = TestClock()
        let waits = Task { try await waitTwice(on: clock) }
        await clock.sleepers(atLeast: 1)
        clock.advance(by: .seconds(1))
        // The advance took the first sleep out, so the one pending next is the second.
        await clock.sleepers(atLeast: 1)
        #expect(clock.pendingDeadlines == [.start + .seconds(2)])
        clock.advance(by: .seconds(1))
        #expect(try await waits.value == 2)
    }

    // MARK: - Cancellation

    @Test func cancellingASleepingTaskThrowsAtOnce() async {
        let clock = TestClock()
        let sleep = Self.sleeper(on: clock, until: .start + .seconds(3600))
        await clock.sleepers(atLeast: 1)
        sleep.cancel()
        await #expect(throws: CancellationError.self) { try await sleep.value }
        #expect(clock.sleeperCount == 0)
        #expect(clock.now == .start)
        #expect(clock.advance(by: .seconds(7200)).isEmpty)
    }

    @Test func aTaskCancelledBeforeItSleepsThrowsWithoutSuspending() async {
        let clock = TestClock()
        let sleeps = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            try await clock.sleep(until: .start + .seconds(1), tolerance: nil)
        }
        await #expect(throws: CancellationError.self) { try await sleeps.value }
        let alreadyDue = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            try await clock.sleep(until: .start, tolerance: nil)
        }
        await #expect(throws: CancellationError.self) { try await alreadyDue.value }
        #expect(clock.sleeperCount == 0)
    }

    @Test func cancellingOneSleepLeavesTheOthers() async throws {
        let clock = TestClock()
        let kept = Self.sleeper(on: clock, until: .start + .seconds(2))
        let cancelled = Self.sleeper(on: clock, until: .start + .seconds(1))
        await clock.sleepers(atLeast: 2)
        cancelled.cancel()
        await #expect(throws: CancellationError.self) { try await cancelled.value }
        #expect(clock.pendingDeadlines == [.start + .seconds(2)])
        #expect(clock.advance(by: .seconds(2)) == [.start + .seconds(2)])
        #expect(try await kept.value == .start + .seconds(2))
    }

    // MARK: - Many sleepers

    @Test func manyConcurrentSleepersAllWakeOnceEach() async throws {
        let clock = TestClock()
        let count = 500
        let (woken, wokenByAdvances) = try await withThrowingTaskGroup(of: TestClockInstant.self) { group in
            for index in 0..<count {
                group.addTask {
                    let deadline = TestClockInstant.start + .milliseconds((index * 7919) % 1000 + 1)
                    try await clock.sleep(until: deadline, tolerance: nil)
                    return deadline
                }
            }
            await clock.sleepers(atLeast: count)
            #expect(clock.sleeperCount == count)
            var wokenByAdvances: [TestClockInstant] = []
            for _ in 0..<10 {
                wokenByAdvances += clock.advance(by: .milliseconds(100))
            }
            let woken = try await group.reduce(into: []) { $0.append($1) }
            return (woken, wokenByAdvances)
        }
        #expect(woken.count == count)
        #expect(wokenByAdvances.count == count)
        #expect(wokenByAdvances == wokenByAdvances.sorted())
        #expect(woken.sorted() == wokenByAdvances)
        #expect(clock.sleeperCount == 0)
    }

    /// Cancelling and advancing race on purpose: each sleep must end exactly once, woken or cancelled (a continuation
    /// resumed twice would crash the test).
    @Test func cancellationRacingAnAdvanceEndsEachSleepExactlyOnce() async throws {
        let clock = TestClock()
        let count = 200
        let sleeps = (0..<count).map { Self.sleeper(on: clock, until: .start + .milliseconds($0 % 20 + 1)) }
        await clock.sleepers(atLeast: count)
        let woken = await withTaskGroup(of: [TestClockInstant].self) { group in
            group.addTask {
                for (index, sleep) in sleeps.enumerated() where index.isMultiple(of: 2) { sleep.cancel() }
                return []
            }
            group.addTask { (1...20).flatMap { _ in clock.advance(by: .milliseconds(1)) } }
            return await group.reduce(into: []) { $0 += $1 }
        }
        var (wokeCount, cancelledCount) = (0, 0)
        for sleep in sleeps {
            do {
                _ = try await sleep.value
                wokeCount += 1
            } catch is CancellationError {
                cancelledCount += 1
            }
        }
        #expect(wokeCount + cancelledCount == count)
        #expect(wokeCount == woken.count, "every sleep the advances woke returned, and no other")
        #expect(wokeCount >= count / 2, "the sleeps never cancelled all woke")
        #expect(clock.sleeperCount == 0)
    }

    // MARK: - Waiting for sleepers

    @Test func sleepersReturnsAtOnceWhenEnoughAreAlreadyAsleep() async {
        let clock = TestClock()
        await clock.sleepers(atLeast: 0)
        let sleeps = (1...3).map { Self.sleeper(on: clock, until: .start + .seconds($0)) }
        await clock.sleepers(atLeast: 3)
        await clock.sleepers(atLeast: 2)
        #expect(clock.sleeperCount == 3)
        clock.advance(by: .seconds(3))
        for sleep in sleeps { _ = try? await sleep.value }
    }

    @Test func sleepersWaitsUntilTheNthSleepBegins() async throws {
        let clock = TestClock()
        let seen = Task { () -> Int in
            await clock.sleepers(atLeast: 3)
            return clock.sleeperCount
        }
        var sleeps: [Task<TestClockInstant, any Error>] = []
        for second in 1...3 {
            await Task.yield()
            sleeps.append(Self.sleeper(on: clock, until: .start + .seconds(second)))
        }
        // Nothing wakes the sleeps before it has seen them, so it can only have returned with all three asleep.
        #expect(await seen.value == 3)
        clock.advance(by: .seconds(3))
        for sleep in sleeps { _ = try await sleep.value }
    }

    @Test func severalWaitersForDifferentCountsAreEachLetGo() async {
        let clock = TestClock()
        let waiters = (1...4).map { count in Task { await clock.sleepers(atLeast: count) } }
        let sleeps = (1...4).map { Self.sleeper(on: clock, until: .start + .seconds($0)) }
        for waiter in waiters { await waiter.value }
        #expect(clock.sleeperCount == 4)
        clock.advance(by: .seconds(4))
        for sleep in sleeps { _ = try? await sleep.value }
    }

    @Test func aCancelledWaitForSleepersReturnsPromptly() async {
        let clock = TestClock()
        let waiter = Task { await clock.sleepers(atLeast: 1) }
        waiter.cancel()
        await waiter.value
        let alreadyCancelled = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            await clock.sleepers(atLeast: 5)
        }
        await alreadyCancelled.value
        #expect(clock.sleeperCount == 0)
    }
}
