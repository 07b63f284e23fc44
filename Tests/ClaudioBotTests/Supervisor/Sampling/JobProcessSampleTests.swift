import Glibc
import Testing

@testable import ClaudioBot

@Suite("CPU % between two samples of a job's processes, and the sums the Jobs panel shows")
struct JobProcessSampleTests {
    static let start = ContinuousClock.now

    static func reading(pid: pid_t, startTime: UInt64 = 100, parent: pid_t = 1, ticks: UInt64, pages: UInt64 = 10)
        -> ProcStatUsage
    {
        ProcStatUsage(
            stat: ProcStat(
                pid: pid, parentPID: parent, state: "R", processGroup: pid, session: pid, startTime: startTime,
                userTime: ticks, residentPages: pages),
            name: "p\(pid)")
    }

    static func sample(_ readings: [ProcStatUsage], after seconds: Double, previous: JobProcessSample?)
        -> JobProcessSample
    {
        JobProcessSample(
            readings: readings, at: start.advanced(by: .milliseconds(Int64(seconds * 1000))), after: previous,
            ticksPerSecond: 100, pageSize: 4096)
    }

    @Test("the first sample knows no CPU share; the second measures ticks over the time between them")
    func cpuBetweenSamples() throws {
        let first = Self.sample([Self.reading(pid: 20, ticks: 100), Self.reading(pid: 10, ticks: 7)], after: 0, previous: nil)
        #expect(first.processes.map(\.identity.pid) == [10, 20], "in PID order")
        #expect(first.processes.allSatisfy { $0.cpuPercent == nil })
        #expect(first.totalCPUPercent == nil)
        #expect(first.totalResidentBytes == 2 * 10 * 4096)

        let second = Self.sample(
            [Self.reading(pid: 10, ticks: 7), Self.reading(pid: 20, ticks: 150), Self.reading(pid: 30, ticks: 9)],
            after: 2, previous: first)
        let percents = second.processes.map(\.cpuPercent)
        #expect(percents == [0, 25, nil], "50 ticks at 100/s over 2 s is a quarter of a core; 30 is new")
        #expect(second.totalCPUPercent == 25)
    }

    @Test("a PID handed to another process starts over; a busy process can exceed one core")
    func reusedPIDAndThreads() {
        let first = Self.sample([Self.reading(pid: 10, startTime: 100, ticks: 500)], after: 0, previous: nil)
        let reused = Self.sample([Self.reading(pid: 10, startTime: 200, ticks: 3)], after: 1, previous: first)
        #expect(reused.processes.first?.cpuPercent == nil)
        let busy = Self.sample([Self.reading(pid: 10, startTime: 100, ticks: 700)], after: 1, previous: first)
        #expect(busy.processes.first?.cpuPercent == 200)
    }
}
