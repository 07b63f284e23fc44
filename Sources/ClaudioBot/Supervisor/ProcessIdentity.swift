import Glibc

/// A process as opposed to a PID: the PID plus its start time (clock ticks since boot, field 22 of
/// `/proc/PID/stat`), so a PID the kernel hands out again is never mistaken for the process it once named.
struct ProcessIdentity: Sendable, Hashable, CustomStringConvertible {
    var pid: pid_t
    var startTime: UInt64

    var description: String { "\(pid)@\(startTime)" }
}
