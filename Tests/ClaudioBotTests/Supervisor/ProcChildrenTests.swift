import Glibc
import Testing
@testable import ClaudioBot

@Suite("ProcChildren: a process's children from the kernel's lists", .timeLimit(.minutes(1)))
struct ProcChildrenTests {
    @Test("a job's children are listed, and a multi-threaded process's children of every thread")
    func listsChildren() async throws {
        let job = try TestJob(script: """
            sleep 1000 & echo $!
            sleep 1000 & echo $!
            wait
            """)
        defer { job.cleanUp() }
        var lines = job.outputLines().makeAsyncIterator()
        let first = try await job.nextPID(from: &lines)
        let second = try await job.nextPID(from: &lines)
        let root = try #require(ProcStat.read(pid: job.process.pid))
        #expect(Set(ProcChildren.of(root)) == [first.pid, second.pid])

        // This test process has many threads; its job roots hang under the spawner thread, not the leader.
        let this = try #require(ProcStat.read(pid: getpid()))
        #expect(this.threadCount > 1)
        #expect(ProcChildren.of(this).contains(job.process.pid))
        _ = await ProcessTreeKiller(grace: .milliseconds(300)).kill(job.tree)
    }
}
