import Glibc
import Testing

@testable import ClaudioBot

/// The test process plays the daemon: what it starts descends from it, as a job's processes descend from the daemon.
@Suite("Recognising a job's processes among admin peers", .timeLimit(.minutes(1)))
struct ProcessTreeJobPeerDetectorTests {
    let detector = ProcessTreeJobPeerDetector()

    /// Starts `/bin/sh -c script` with exactly `environment`; the script prints PIDs on stdout.
    func shell(_ script: String, environment: [String: String] = TestReaper.environment, tag: String? = nil) throws
        -> LaunchedProcess
    {
        try TestReaper.launcher.launch(
            LaunchRequest(
                executablePath: "/bin/sh", arguments: ["-c", script], environment: environment, jobTag: tag,
                standardOutput: .capture, standardError: .nullDevice))
    }

    /// The first line the process prints, as a PID.
    func firstPID(of process: LaunchedProcess) async -> pid_t? {
        var text = ""
        for await chunk in process.standardOutput {
            text += String(decoding: chunk, as: UTF8.self)
            if let line = text.split(separator: "\n").first, text.contains("\n") { return pid_t(line) }
        }
        return nil
    }

    func stop(_ processes: LaunchedProcess...) async {
        for process in processes {
            _ = process.signal(SIGKILL)
            _ = await process.waitForExit()
        }
    }

    @Test("a child of the daemon is a job's, and so is its own child; the daemon and its parent are not")
    func descendants() async throws {
        // No CLAUDIO_JOB_ID anywhere: only the ancestry can tell.
        let child = try shell("sleep 30 & echo $!; wait")
        let grandchild = try #require(await firstPID(of: child))
        #expect(detector.isJobProcess(child.pid))
        #expect(detector.isJobProcess(grandchild))
        #expect(!detector.isJobProcess(getpid()))
        #expect(!detector.isJobProcess(getppid()))
        #expect(!detector.isJobProcess(1))
        // The background sleep outlives its shell otherwise (as an orphan of this process, then of init).
        kill(grandchild, SIGKILL)
        await stop(child)
    }

    @Test("a process whose environment carries CLAUDIO_JOB_ID is a job's even outside the daemon's tree")
    func taggedProcess() async throws {
        // Another child stands in for the daemon, so neither process below descends from "the daemon".
        // `exec`: dash forks for a lone command, and killing the shell would leave the sleep behind.
        let daemon = try shell("exec sleep 30")
        let tagged = try shell("exec sleep 30", tag: "job-1")
        let untagged = try shell("exec sleep 30")
        let detector = ProcessTreeJobPeerDetector(daemonPID: daemon.pid)
        #expect(detector.isJobProcess(tagged.pid))
        #expect(!detector.isJobProcess(untagged.pid))
        await stop(daemon, tagged, untagged)
    }

    @Test("a peer that is gone counts as a job's; a PID outside the daemon's namespace (0) does not")
    func unreadablePeer() async throws {
        let gone = try shell("exit 0")
        _ = await gone.waitForExit()
        #expect(detector.isJobProcess(gone.pid))
        #expect(!detector.isJobProcess(0))
    }

    @Test("the walk restarts when an ancestor vanishes, and stops at the top of the tree")
    func walk() {
        // 30 → 20 → 10 → 1 → 0, the daemon being 10.
        var parents: [pid_t: pid_t] = [30: 20, 20: 10, 10: 1, 1: 0, 40: 1]
        let parent = { (pid: pid_t) in parents[pid] }
        #expect(ProcessTreeJobPeerDetector.descends(30, from: 10, parent: parent) == true)
        #expect(ProcessTreeJobPeerDetector.descends(40, from: 10, parent: parent) == false)
        #expect(ProcessTreeJobPeerDetector.descends(50, from: 10, parent: parent) == nil)

        // 20 exits between reads; its child 30 is reparented to the daemon, the subreaper.
        var reads = 0
        let racing = { (pid: pid_t) -> pid_t? in
            reads += 1
            if pid == 20 {
                parents[20] = nil
                parents[30] = 10
                return nil
            }
            return parents[pid]
        }
        parents = [30: 20, 20: 10, 10: 1, 1: 0]
        #expect(ProcessTreeJobPeerDetector.descends(30, from: 10, parent: racing) == true)
        #expect(reads == 3)
    }
}
