import Foundation

/// The real clock: `Date()` for wall time and `ContinuousClock` (which keeps counting while the machine is suspended,
/// so a window still expires across a suspend) for intervals.
struct SystemGateClock: GateClock {
    private let origin: ContinuousClock.Instant

    init() {
        origin = ContinuousClock.now
    }

    var now: GateTime {
        GateTime(wall: Date(), monotonic: ContinuousClock.now - origin)
    }
}
