import Glibc
import Testing
@testable import ClaudioBot

@Suite("InheritedOrphans: the children this process did not start", .timeLimit(.minutes(1)))
struct InheritedOrphansTests {
    @Test("a double-forked process reparented here is listed with its job tag; a child started here is not")
    func listsReparentedProcessesWithTheirTag() async throws {
        let job = try TestJob(script: TestJob.doubleForkingScript)
        defer { job.cleanUp() }
        var lines = job.outputLines().makeAsyncIterator()
        let orphan = try await job.nextOrphan(from: &lines)

        let listed = TestReaper.shared.orphans.list()

        #expect(listed.contains { $0.stat.identity == orphan && $0.tag == job.tag })
        #expect(!listed.contains { $0.stat.pid == job.process.pid })
        _ = await ProcessTreeKiller(grace: .milliseconds(300)).kill(job.tree)
        #expect(!TestReaper.shared.orphans.list().contains { $0.stat.identity == orphan })
    }
}
