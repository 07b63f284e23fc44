import Glibc
import Testing

@testable import ClaudioBot

@Suite("ProcessCensus: one /proc scan for every job's periodic count", .timeLimit(.minutes(1)))
struct ProcessCensusTests {
    private let supervisor = HostProcessSupervisor(launcher: TestReaper.launcher, grace: .milliseconds(300))

    @Test("two jobs counted through one census each see only their own processes, setsid members included")
    func countsEachJobsOwnProcesses() async throws {
        let census = ProcessCensus(maxAge: .milliseconds(50))
        let tagA = "census-a-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        let tagB = "census-b-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        let jobA = try supervisor.launch(
            LaunchRequest(executablePath: "/bin/sh", arguments: ["-c", "setsid sleep 1000 & sleep 1000 & exec sleep 1000"]),
            tag: tagA)
        let jobB = try supervisor.launch(
            LaunchRequest(executablePath: "/bin/sh", arguments: ["-c", "exec sleep 1000"]), tag: tagB)
        defer {
            for process in ProcessLiveness.taggedProcesses(tagA) + ProcessLiveness.taggedProcesses(tagB) {
                kill(process.pid, SIGKILL)
            }
        }

        #expect(await ProcessLiveness.waitUntil { await jobA.liveMemberCount(census: census) == 3 })
        #expect(await jobB.liveMemberCount(census: census) == 1)
        #expect(await census.snapshot().tags.values.filter { $0 == tagA }.count == 3)

        _ = await supervisor.kill(jobA)
        #expect(await ProcessLiveness.waitUntil { await jobA.liveMemberCount(census: census) == 0 })
        #expect(await jobB.liveMemberCount(census: census) == 1)
        _ = await supervisor.kill(jobB)
    }

    @Test("within maxAge every caller gets the same scan")
    func sharesOneScan() async {
        let census = ProcessCensus(maxAge: .seconds(60))
        let first = await census.snapshot()
        let second = await census.snapshot()
        #expect(first.table.processes.keys.sorted() == second.table.processes.keys.sorted())
        #expect(first.tags == second.tags)
    }
}
