/// What a ``TestClock`` keeps behind its mutex: the time, the sleeps waiting for it, and the tests waiting for sleeps.
///
/// Every method runs under the lock and only hands back the continuations to resume; the clock resumes them after
/// unlocking, so that no resumed task can run (or deadlock) while the lock is held.
struct TestClockState {
    /// A suspended `sleep(until:)`: its deadline and how to wake (or cancel) it.
    typealias Sleeper = (deadline: TestClockInstant, continuation: CheckedContinuation<Void, any Error>)
    /// A suspended `sleepers(atLeast:)`: how many pending sleeps it waits for, and how to let it go.
    typealias Waiter = (count: Int, continuation: CheckedContinuation<Void, Never>)

    /// The clock's time; it only moves forward.
    private(set) var now = TestClockInstant.start
    /// Hands out the keys below, in the order sleeps and waits began; sleeps with the same deadline wake in that order.
    private var nextID: UInt64 = 0
    private var sleepers: [UInt64: Sleeper] = [:]
    private var waiters: [UInt64: Waiter] = [:]

    /// How many sleeps are suspended.
    var sleeperCount: Int { sleepers.count }

    /// The deadlines of the suspended sleeps, soonest first.
    var pendingDeadlines: [TestClockInstant] { orderedSleepers.map { $0.value.deadline } }

    /// The suspended sleeps in the order they wake: by deadline, then by when they began.
    private var orderedSleepers: [(key: UInt64, value: Sleeper)] {
        sleepers.sorted { ($0.value.deadline, $0.key) < ($1.value.deadline, $1.key) }
    }

    /// A key for a sleep or a wait, taken before it suspends so that its cancellation handler can name it.
    mutating func makeID() -> UInt64 {
        nextID += 1
        return nextID
    }

    /// Records a suspended sleep; returns the waits it satisfies.
    mutating func addSleeper(_ sleeper: Sleeper, id: UInt64) -> [CheckedContinuation<Void, Never>] {
        sleepers[id] = sleeper
        let satisfied = waiters.filter { $0.value.count <= sleepers.count }
        for id in satisfied.keys { waiters[id] = nil }
        return satisfied.values.map(\.continuation)
    }

    /// Forgets a sleep that was cancelled; nil when it had already woken (or never suspended).
    mutating func removeSleeper(id: UInt64) -> CheckedContinuation<Void, any Error>? {
        sleepers.removeValue(forKey: id)?.continuation
    }

    /// Records a suspended `sleepers(atLeast:)`.
    mutating func addWaiter(_ waiter: Waiter, id: UInt64) {
        waiters[id] = waiter
    }

    /// Forgets a wait that was cancelled; nil when it had already been let go.
    mutating func removeWaiter(id: UInt64) -> CheckedContinuation<Void, Never>? {
        waiters.removeValue(forKey: id)?.continuation
    }

    /// Moves the time to `instant` and takes out the sleeps now due, in the order they wake.
    mutating func advance(to instant: TestClockInstant) -> [Sleeper] {
        precondition(instant >= now, "a TestClock only moves forward: \(instant) is before \(now)")
        now = instant
        let due = orderedSleepers.prefix { $0.value.deadline <= instant }
        for entry in due { sleepers[entry.key] = nil }
        return due.map(\.value)
    }
}
