import Foundation

/// One moment as the gate sees it: wall time for records people read, monotonic time for every interval the gate measures,
/// so a wall-clock step (NTP, a manual change) never shortens a rate-limit window or a denial throttle.
struct GateTime: Sendable, Equatable {
    var wall: Date
    /// Time since an arbitrary, fixed origin; only differences are meaningful.
    var monotonic: Duration

    init(wall: Date, monotonic: Duration) {
        self.wall = wall
        self.monotonic = monotonic
    }
}
