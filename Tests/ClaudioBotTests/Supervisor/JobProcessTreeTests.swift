import Glibc
import Testing
@testable import ClaudioBot

@Suite("JobProcessTree membership")
struct JobProcessTreeTests {
    private func stat(_ pid: pid_t, parent: pid_t, state: Character = "S", start: UInt64 = 100) -> ProcStat {
        ProcStat(pid: pid, parentPID: parent, state: state, processGroup: pid, session: pid, startTime: start)
    }

    private func members(_ table: ProcessTable, remembered: Set<ProcessIdentity> = [], tagged: Set<pid_t> = [],
                         excluding: pid_t = 1) -> [pid_t] {
        JobProcessTree.members(in: table, remembered: remembered, excluding: excluding) { tagged.contains($0) }
            .map(\.pid)
    }

    @Test("descendants of a remembered root are members, whatever their session")
    func descendantsOfRoot() {
        let table = ProcessTable([
            stat(1, parent: 0), stat(10, parent: 1), stat(11, parent: 10), stat(12, parent: 11),
            stat(20, parent: 1),
        ])
        #expect(members(table, remembered: [ProcessIdentity(pid: 10, startTime: 100)]) == [10, 11, 12])
    }

    @Test("a tagged process elsewhere in the table is a member, with its descendants")
    func taggedProcessesAndDescendants() {
        let table = ProcessTable([stat(1, parent: 0), stat(30, parent: 1), stat(31, parent: 30), stat(40, parent: 1)])
        #expect(members(table, tagged: [30]) == [30, 31])
    }

    @Test("a remembered PID with another start time is a reused PID, not a member")
    func reusedPIDIsNotAdopted() {
        let table = ProcessTable([stat(1, parent: 0), stat(50, parent: 1, start: 999)])
        #expect(members(table, remembered: [ProcessIdentity(pid: 50, startTime: 100)]).isEmpty)
    }

    @Test("zombies are not live members, but their live children are")
    func zombiesAreSkipped() {
        let table = ProcessTable([stat(1, parent: 0), stat(60, parent: 1, state: "Z"), stat(61, parent: 60)])
        #expect(members(table, tagged: [60, 61]) == [61])
    }

    @Test("the daemon itself is never a member, even if tagged")
    func excludesSelf() {
        let table = ProcessTable([stat(1, parent: 0), stat(70, parent: 1), stat(71, parent: 70)])
        #expect(members(table, tagged: [70, 71], excluding: 70) == [71])
    }
}
