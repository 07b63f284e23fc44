/// A job's processes at one moment, with each one's CPU share since the sample before (SPEC §17).
///
/// CPU % is measured between two samples of the same job, from the CPU time each process accumulated: a process
/// that used 50 ticks (at 100 ticks a second) in the 1 s between two samples used 50 % of a core. A process is the
/// same one only with the same PID *and* start time, so a reused PID never inherits another's CPU time.
struct JobProcessSample: Sendable, Equatable {
    var takenAt: ContinuousClock.Instant
    /// In PID order.
    var processes: [SampledProcess]

    /// - Parameters:
    ///   - readings: what `/proc` said of each process just now.
    ///   - previous: the same job's last sample; nil for the first, whose CPU shares are unknown.
    ///   - ticksPerSecond: the kernel's clock ticks a second (`_SC_CLK_TCK`).
    ///   - pageSize: bytes in a page (`_SC_PAGESIZE`).
    init(
        readings: [ProcStatUsage], at instant: ContinuousClock.Instant, after previous: JobProcessSample?,
        ticksPerSecond: Int, pageSize: Int
    ) {
        takenAt = instant
        var earlierTicks: [ProcessIdentity: UInt64] = [:]
        var elapsedSeconds = 0.0
        if let previous {
            let elapsed = previous.takenAt.duration(to: instant).components
            elapsedSeconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
            for process in previous.processes { earlierTicks[process.identity] = process.cpuTicks }
        }
        processes = readings.sorted { $0.identity.pid < $1.identity.pid }.map { reading in
            var percent: Double?
            if elapsedSeconds > 0, ticksPerSecond > 0, let earlier = earlierTicks[reading.identity] {
                let used = reading.cpuTicks >= earlier ? reading.cpuTicks - earlier : 0
                percent = Double(used) / Double(ticksPerSecond) / elapsedSeconds * 100
            }
            return SampledProcess(
                identity: reading.identity, parentPID: reading.parentPID, state: reading.state,
                cpuTicks: reading.cpuTicks, residentBytes: Int(clamping: reading.residentPages) &* max(1, pageSize),
                cpuPercent: percent, name: reading.name)
        }
    }

    /// The CPU shares added up; nil when no process has one yet.
    var totalCPUPercent: Double? {
        let known = processes.compactMap(\.cpuPercent)
        return known.isEmpty ? nil : known.reduce(0, +)
    }

    /// The resident memory added up.
    var totalResidentBytes: Int {
        processes.reduce(0) { $0 &+ $1.residentBytes }
    }
}
