import Glibc
import Testing

@testable import ClaudioBot

@Suite("Sampling a live job: the members its supervisor counted, their parents, CPU and command lines",
       .timeLimit(.minutes(1)))
struct ProcJobProcessSamplerTests {
    let supervisor = HostProcessSupervisor(launcher: TestReaper.launcher, grace: .milliseconds(300))
    let sampler = ProcJobProcessSampler()

    @Test("a sample holds the counted processes with their parents; a busy one shows CPU once sampled twice")
    func samplesTheCountedMembers() async throws {
        let tag = "sampler-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        let job = try supervisor.launch(
            LaunchRequest(
                executablePath: "/bin/sh", arguments: ["-c", "while :; do :; done & exec sleep 1000"],
                environment: TestReaper.environment),
            tag: tag)
        defer {
            for process in ProcessLiveness.taggedProcesses(tag) { kill(process.pid, SIGKILL) }
        }
        #expect(await ProcessLiveness.waitUntil { await supervisor.processCount(of: job) == 2 })

        let first = await sampler.sample(job, after: nil)
        #expect(first.processes.count == 2)
        let root = try #require(first.processes.first { $0.identity.pid == job.root.pid })
        #expect(root.parentPID == getpid())
        let loop = try #require(first.processes.first { $0.identity.pid != job.root.pid })
        #expect(loop.parentPID == job.root.pid)
        // Memory is looked at in the second sample: a process caught just after its fork or exec may have no
        // resident page counted yet.
        #expect(first.processes.allSatisfy { $0.cpuPercent == nil })

        // The loop spins: wait until it has used more CPU time than the first sample saw, with no timing assumed.
        #expect(await ProcessLiveness.waitUntil {
            (ProcStatUsage.read(loop.identity)?.cpuTicks ?? 0) > loop.cpuTicks
        })
        let second = await sampler.sample(job, after: first)
        let spinning = try #require(second.processes.first { $0.identity == loop.identity })
        #expect((spinning.cpuPercent ?? 0) > 0)
        #expect(spinning.residentBytes > 0)
        #expect((second.totalCPUPercent ?? 0) > 0)

        // The root execs sleep after starting the loop: its line is read when asked, never kept from before.
        #expect(await ProcessLiveness.waitUntil {
            await sampler.commandLines(of: [root.identity])[root.identity] == "sleep 1000"
        })
        let commands = await sampler.commandLines(of: second.processes.map(\.identity))
        #expect(commands[loop.identity]?.hasPrefix("/bin/sh -c while :; do :; done") == true)
        _ = await supervisor.kill(job)
        #expect(await sampler.commandLines(of: second.processes.map(\.identity)).isEmpty)
    }
}
