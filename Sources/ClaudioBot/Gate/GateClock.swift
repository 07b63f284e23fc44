/// The gate's source of time, injected so tests drive windows and throttles without sleeping.
protocol GateClock: Sendable {
    /// The current time; `monotonic` never goes backwards.
    var now: GateTime { get }
}
