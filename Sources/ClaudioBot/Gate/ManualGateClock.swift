import Foundation
import Synchronization

/// A clock that only moves when told to, for tests of anything built on the gate.
final class ManualGateClock: GateClock {
    private let current: Mutex<GateTime>

    /// - Parameters:
    ///   - wall: the wall time at monotonic zero.
    ///   - monotonic: the starting monotonic reading.
    init(wall: Date = Date(timeIntervalSince1970: 1_700_000_000), monotonic: Duration = .zero) {
        current = Mutex(GateTime(wall: wall, monotonic: monotonic))
    }

    var now: GateTime { current.withLock { $0 } }

    /// Moves both readings forward by `interval`.
    func advance(by interval: Duration) {
        current.withLock { time in
            time.monotonic += interval
            time.wall += interval.timeInterval
        }
    }

    /// Moves both readings so that `monotonic` equals `instant` (which must not be in the past).
    func set(monotonic instant: Duration) {
        current.withLock { time in
            precondition(instant >= time.monotonic, "a monotonic clock never goes backwards")
            time.wall += (instant - time.monotonic).timeInterval
            time.monotonic = instant
        }
    }
}

private extension Duration {
    var timeInterval: TimeInterval {
        let (seconds, attoseconds) = components
        return TimeInterval(seconds) + TimeInterval(attoseconds) * 1e-18
    }
}
