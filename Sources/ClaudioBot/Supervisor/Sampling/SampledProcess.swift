import Glibc

/// One process of a job as a sample saw it.
struct SampledProcess: Sendable, Equatable {
    var identity: ProcessIdentity
    var parentPID: pid_t
    var state: Character
    /// CPU time so far, in clock ticks: the next sample's CPU share is measured from it.
    var cpuTicks: UInt64
    var residentBytes: Int
    /// Share of one core since the previous sample; nil for a process the previous sample did not see.
    var cpuPercent: Double?
    /// The kernel's short name, for when the command line cannot be read.
    var name: String
}
