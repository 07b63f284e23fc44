import Glibc

/// A child the `ChildReaper` has registered: its PID, its start time read before it could be reaped
/// (nil only if `/proc` could not be read), and where its exit status will arrive.
struct SpawnedChild: Sendable {
    var pid: pid_t
    var startTime: UInt64?
    var exit: PendingExit
}
