import Foundation
import Glibc
import Testing
@testable import ClaudioBot

@Suite("CommandProbe", .timeLimit(.minutes(1)))
struct CommandProbeTests {
    private let probe = CommandProbe(
        launcher: TestReaper.launcher, killer: ProcessTreeKiller(grace: .milliseconds(200)), timeout: .seconds(10))

    @Test("captures a quick command's output and exit status")
    func capturesQuickCommand() async throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let path = try scratch.script("claude", #"echo "2.1.331 (Claude Code)"; echo "note" >&2; exit 0"#)

        let result = try await probe.run(path, arguments: ["--version"], environment: TestReaper.environment)

        #expect(result == ProbeResult(status: .exited(0), standardOutput: Array("2.1.331 (Claude Code)\n".utf8),
                                      standardError: Array("note\n".utf8), timedOut: false))
    }

    @Test("keeps at most the cap of each output stream and still lets the command finish")
    func capsOutput() async throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let path = try scratch.script("chatty", "head -c 300000 /dev/zero; exit 2")
        var capped = probe
        capped.outputCap = 1000

        let result = try await capped.run(path, environment: TestReaper.environment)

        #expect(result.standardOutput == Array(repeating: 0, count: 1000))
        #expect(result.status == .exited(2))
    }

    @Test("a command that outlives the timeout is killed with its whole tree and reported as timed out")
    func killsOnTimeout() async throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let path = try scratch.script("hang", """
            setsid sh -c 'echo $$; exec sleep 1000' &
            exec sleep 1000
            """)
        var impatient = probe
        impatient.timeout = .milliseconds(300)

        let started = ContinuousClock.now
        let result = try await impatient.run(path, environment: TestReaper.environment)

        // Far below the 1000 s the command would run: proves the timeout, without timing a loaded machine.
        #expect(ContinuousClock.now - started < .seconds(60))
        #expect(result.timedOut)
        #expect(result.status == .signalled(SIGTERM))
        let grandchild = try #require(pid_t(result.standardOutputText.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(ProcStat.read(pid: grandchild)?.isLive != true, "the probe's grandchild survived")
    }

    @Test("a command that cannot start reports why")
    func reportsSpawnFailure() async throws {
        await #expect(throws: SupervisorError.spawnFailed(path: "/no/such/claude", errno: ENOENT)) {
            try await probe.run("/no/such/claude")
        }
    }
}
