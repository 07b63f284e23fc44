/// Exponential backoff with full jitter for reconnecting to a platform: 1 s, 2 s, 4 s … up to 30 s (SPEC §9), each
/// delay drawn uniformly between half and all of it so many daemons do not retry in lockstep.
struct RetryBackoff: Sendable {
    var initial: Duration = .seconds(1)
    var maximum: Duration = .seconds(30)
    private(set) var attempt = 0

    init(initial: Duration = .seconds(1), maximum: Duration = .seconds(30)) {
        self.initial = initial
        self.maximum = maximum
    }

    /// The delay before the next attempt; each call doubles the base up to `maximum`.
    mutating func nextDelay() -> Duration {
        let base = min(initial * (1 << min(attempt, 20)), maximum)
        attempt += 1
        let fraction = Double.random(in: 0.5...1.0)
        return base * fraction
    }

    /// After a success the next failure starts from `initial` again.
    mutating func reset() {
        attempt = 0
    }
}
