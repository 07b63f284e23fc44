import Glibc
import Testing
@testable import ClaudioBot

@Suite("JobProcessTree membership")
struct JobProcessTreeTests {
    private func stat(_ pid: pid_t, parent: pid_t, state: Character = "S", start: UInt64 = 100) -> ProcStat {
        ProcStat(pid: pid, parentPID: parent, state: state, processGroup: pid, session: pid, startTime: start)
    }

    private func members(_ table: ProcessTable, seeds: [pid_t], start: UInt64 = 100, excluding: pid_t = 1) -> [pid_t] {
        let identities = seeds.map { ProcessIdentity(pid: $0, startTime: start) }
        return JobProcessTree.members(from: identities, in: table, excluding: excluding).map(\.pid)
    }

    @Test("descendants of the root are members, whatever their session; the rest of the host is not")
    func descendantsOfRoot() {
        let table = ProcessTable([
            stat(1, parent: 0), stat(10, parent: 1), stat(11, parent: 10), stat(12, parent: 11),
            stat(20, parent: 1),
        ])
        #expect(members(table, seeds: [10]) == [10, 11, 12])
    }

    @Test("a remembered process elsewhere in the tree (a reparented orphan) is a member, with its descendants")
    func rememberedProcessesAndDescendants() {
        let table = ProcessTable([stat(1, parent: 0), stat(30, parent: 1), stat(31, parent: 30), stat(40, parent: 1)])
        #expect(members(table, seeds: [30]) == [30, 31])
    }

    @Test("a remembered PID with another start time is a reused PID, not a member")
    func reusedPIDIsNotAdopted() {
        let table = ProcessTable([stat(1, parent: 0), stat(50, parent: 1, start: 999)])
        #expect(members(table, seeds: [50]).isEmpty)
    }

    @Test("zombies are not live members, but what they list as children is walked")
    func zombiesAreSkipped() {
        let table = ProcessTable([stat(1, parent: 0), stat(60, parent: 1, state: "Z"), stat(61, parent: 60)])
        #expect(members(table, seeds: [60]) == [61])
    }

    @Test("the daemon itself is never a member nor walked, even when it is a seed")
    func excludesSelf() {
        let table = ProcessTable([stat(1, parent: 0), stat(70, parent: 1), stat(71, parent: 70), stat(72, parent: 1)])
        #expect(members(table, seeds: [70, 72], excluding: 70) == [72])
    }

    @Test("a child whose PID now has another parent was reused between the two reads and is not adopted")
    func reusedChildPIDIsNotAdopted() {
        /// Lists 81 under 80, while `/proc/81` is by now a stranger's process.
        struct StaleChildren: ProcessSource {
            let table: ProcessTable
            func stat(of pid: pid_t) -> ProcStat? { table.stat(of: pid) }
            func children(of process: ProcStat) -> [pid_t] { process.pid == 80 ? [81] : table.children(of: process) }
        }
        let table = ProcessTable([stat(1, parent: 0), stat(80, parent: 1), stat(81, parent: 1)])
        let found = JobProcessTree.members(
            from: [ProcessIdentity(pid: 80, startTime: 100)], in: StaleChildren(table: table), excluding: 1)
        #expect(found.map(\.pid) == [80])
    }
}
