import Glibc
import Testing
@testable import ClaudioBot

@Suite("ProcStat")
struct ProcStatTests {
    @Test("reads the fixed fields after the last parenthesis, even when the command name has spaces and parentheses")
    func parsesAwkwardCommandNames() throws {
        let line = "4242 (we:ird) (name ) S 17 4242 4242 0 -1 4194560 100 0 0 0 1 2 0 0 20 0 1 0 987654 1000 200 "
            + "18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0\n"
        let stat = try #require(ProcStat.parse(line))
        #expect(stat.pid == 4242)
        #expect(stat.parentPID == 17)
        #expect(stat.state == "S")
        #expect(stat.processGroup == 4242)
        #expect(stat.session == 4242)
        #expect(stat.startTime == 987_654)
        #expect(stat.userTime == 1)
        #expect(stat.systemTime == 2)
        #expect(stat.threadCount == 1)
        #expect(stat.residentPages == 200)
        #expect(stat.isLive)
    }

    @Test("a zombie or dead process is not live")
    func zombiesAreNotLive() throws {
        let zombie = try #require(ProcStat.parse("7 (sh) Z 1 7 7 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 55 0 0"))
        let dead = try #require(ProcStat.parse("8 (sh) X 1 8 8 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 56 0 0"))
        #expect(!zombie.isLive)
        #expect(!dead.isLive)
    }

    @Test("rejects truncated or malformed lines")
    func rejectsMalformedLines() {
        #expect(ProcStat.parse("") == nil)
        #expect(ProcStat.parse("12 (sh) S 1 2 3") == nil)
        #expect(ProcStat.parse("x (sh) S 1 7 7 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 55 0 0") == nil)
    }

    @Test("reads this very process from /proc")
    func readsOwnProcess() throws {
        let stat = try #require(ProcStat.read(pid: getpid()))
        #expect(stat.pid == getpid())
        #expect(stat.parentPID == getppid())
        #expect(stat.isLive)
    }
}
