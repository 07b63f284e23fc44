import Glibc
import Testing

@testable import ClaudioBot

@Suite("/proc/PID/stat as a job's page reads it: parent, state, CPU ticks, resident pages, start time")
struct ProcStatUsageTests {
    /// A line as the kernel writes it, for a process whose name has a space and parentheses in it.
    static let line = "4242 (my (odd) name) S 4000 4242 4242 0 -1 4194560 120 0 0 0 37 5 0 0 20 0 1 0 987654 "
        + "12345678 321 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0\n"

    @Test("the fields are read after the last parenthesis; CPU is user plus system ticks")
    func parsesFields() throws {
        let usage = try #require(ProcStatUsage.parse(Self.line))
        #expect(usage.identity == ProcessIdentity(pid: 4242, startTime: 987654))
        #expect(usage.parentPID == 4000)
        #expect(usage.state == "S")
        #expect(usage.cpuTicks == 42)
        #expect(usage.residentPages == 321)
        #expect(usage.name == "my (odd) name")
    }

    @Test("a truncated or garbled line is nothing", arguments: [
        "", "4242 (sh) S 1 2 3", "x (sh) S 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22",
        "4242 sh S 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22",
        "4242 (sh) SS 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22",
    ])
    func rejectsGarbage(line: String) {
        #expect(ProcStatUsage.parse(line) == nil)
    }

    @Test("this process reads as itself, and a PID whose start time differs is another process")
    func readsItself() throws {
        let own = try #require(ProcStat.read(pid: getpid()))
        let usage = try #require(ProcStatUsage.read(own.identity))
        #expect(usage.parentPID == own.parentPID)
        #expect(usage.residentPages > 0)
        #expect(ProcStatUsage.read(ProcessIdentity(pid: getpid(), startTime: own.startTime + 1)) == nil)
    }

    @Test("a command line's NUL-separated arguments become one line; an empty one is nothing")
    func commandLines() {
        #expect(ProcessCommandLine.text(of: Array("sleep\u{0}1000\u{0}".utf8)) == "sleep 1000")
        #expect(ProcessCommandLine.text(of: Array("nginx: worker process".utf8)) == "nginx: worker process")
        #expect(ProcessCommandLine.text(of: []) == nil)
        #expect(ProcessCommandLine.text(of: [0, 0]) == nil)
        let long = [UInt8](repeating: UInt8(ascii: "a"), count: 10_000)
        #expect(ProcessCommandLine.text(of: long)?.utf8.count == ProcessCommandLine.maximumBytes)
    }
}
