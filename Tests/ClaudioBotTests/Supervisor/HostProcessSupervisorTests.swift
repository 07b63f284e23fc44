import Glibc
import Testing
@testable import ClaudioBot

@Suite("HostProcessSupervisor: launch, count and kill a job", .timeLimit(.minutes(1)))
struct HostProcessSupervisorTests {
    private let supervisor = HostProcessSupervisor(launcher: TestReaper.launcher, grace: .milliseconds(300))

    @Test("a started job carries its tag, is counted while it runs, and is gone after the kill")
    func startsCountsAndKillsAJob() async throws {
        let tag = "supervisor-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        let job = try supervisor.launch(
            LaunchRequest(executablePath: "/bin/sh", arguments: ["-c", "sleep 1000 & exec sleep 1000"]), tag: tag)
        defer {
            for process in ProcessLiveness.taggedProcesses(tag) { kill(process.pid, SIGKILL) }
        }

        #expect(job.tag == tag)
        #expect(await ProcessLiveness.waitUntil { await supervisor.processCount(of: job) == 2 })
        let report = await supervisor.kill(job)

        #expect(report.killedCount == 2)
        #expect(report.rootExit == .signalled(SIGTERM))
        #expect(await supervisor.processCount(of: job) == 0)
        #expect(ProcessLiveness.taggedProcesses(tag).isEmpty)
    }

    @Test("two jobs each count only their own processes, setsid members included")
    func countsEachJobsOwnProcesses() async throws {
        let tagA = "count-a-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        let tagB = "count-b-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
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

        #expect(await ProcessLiveness.waitUntil { await supervisor.processCount(of: jobA) == 3 })
        #expect(await supervisor.processCount(of: jobB) == 1)

        _ = await supervisor.kill(jobA)
        #expect(await supervisor.processCount(of: jobA) == 0)
        #expect(await supervisor.processCount(of: jobB) == 1)
        _ = await supervisor.kill(jobB)
    }

    @Test("two kills at once (the operator's, and the job's clean-up as claude exits) both report every process")
    func concurrentKillsAreOneKill() async throws {
        let tag = "twice-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        let job = try supervisor.launch(
            LaunchRequest(executablePath: "/bin/sh", arguments: ["-c", "setsid sleep 1000 & sleep 1000 & exec sleep 1000"]),
            tag: tag)
        defer {
            for process in ProcessLiveness.taggedProcesses(tag) { kill(process.pid, SIGKILL) }
        }
        #expect(await ProcessLiveness.waitUntil { await supervisor.processCount(of: job) == 3 })

        async let first = supervisor.kill(job)
        async let second = supervisor.kill(job)
        let reports = await [first, second]
        #expect(reports.map(\.killedCount) == [3, 3])
        #expect(ProcessLiveness.taggedProcesses(tag).isEmpty)
        // Once it is over, a new kill looks again, and finds nothing.
        #expect(await supervisor.kill(job).killedCount == 0)
    }

    @Test("a relative executable path is refused rather than resolved against the child's directory")
    func refusesRelativePaths() {
        #expect(throws: SupervisorError.spawnFailed(path: "bin/sh", errno: EINVAL)) {
            try supervisor.launcher.launch(LaunchRequest(executablePath: "bin/sh", workingDirectory: "/"))
        }
    }
}
