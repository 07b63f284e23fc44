import Foundation
import Glibc
import Testing
@testable import ClaudioBot

@Suite("ProcessTreeKiller", .timeLimit(.minutes(1)))
struct ProcessTreeKillerTests {
    private let quickKiller = ProcessTreeKiller(grace: .milliseconds(300))

    private func expectAllDead(_ processes: [ProcessIdentity], of job: TestJob,
                               sourceLocation: SourceLocation = #_sourceLocation) async {
        for process in processes {
            #expect(!ProcessLiveness.isAlive(process), "\(process) survived", sourceLocation: sourceLocation)
        }
        #expect(ProcessLiveness.taggedProcesses(job.tag).isEmpty, sourceLocation: sourceLocation)
        #expect(await job.tree.refresh().isEmpty, sourceLocation: sourceLocation)
    }

    @Test("SIGTERM stops the root and its children, and every signalled process is counted")
    func terminatesAndCounts() async throws {
        let job = try TestJob(script: """
            sleep 1000 & echo $!
            sleep 1000 & echo $!
            setsid sh -c 'echo $$; exec sleep 1000' &
            wait
            """)
        defer { job.cleanUp() }
        var lines = job.outputLines().makeAsyncIterator()
        var children: [ProcessIdentity] = []
        for _ in 0..<3 { children.append(try await job.nextPID(from: &lines)) }
        #expect(await ProcessLiveness.waitUntil { await job.tree.liveMemberCount() == 4 })

        let report = await ProcessTreeKiller().kill(job.tree)

        #expect(report.killedCount == 4)
        #expect(report.rootWasSignalled)
        #expect(!report.neededSIGKILL)
        #expect(report.rootExit == .signalled(SIGTERM))
        await expectAllDead(children, of: job)
    }

    @Test("a process that ignores SIGTERM is SIGKILLed once the grace period is over")
    func sigkillsAfterGrace() async throws {
        let job = try TestJob(script: """
            trap '' TERM
            sleep 1000 &
            echo $!
            wait
            """)
        defer { job.cleanUp() }
        var lines = job.outputLines().makeAsyncIterator()
        let child = try await job.nextPID(from: &lines)

        let started = ContinuousClock.now
        let report = await quickKiller.kill(job.tree)

        #expect(ContinuousClock.now - started >= .milliseconds(300))
        #expect(report.neededSIGKILL)
        #expect(report.killedCount == 2)
        #expect(report.rootExit == .signalled(SIGKILL))
        await expectAllDead([child], of: job)
    }

    @Test("a grandchild in its own session (setsid) is killed")
    func killsSetsidGrandchild() async throws {
        let job = try TestJob(script: """
            setsid sh -c 'echo $$; exec sleep 1000' &
            wait
            """)
        defer { job.cleanUp() }
        var lines = job.outputLines().makeAsyncIterator()
        let grandchild = try await job.nextPID(from: &lines)
        #expect(await ProcessLiveness.waitUntil { ProcStat.read(pid: grandchild.pid)?.session == grandchild.pid })

        let report = await quickKiller.kill(job.tree)

        #expect(report.killedCount == 2)
        await expectAllDead([grandchild], of: job)
    }

    @Test("a double-forked daemon reparented to the daemon is still found by its inherited tag and killed")
    func killsReparentedDaemon() async throws {
        let job = try TestJob(script: TestJob.doubleForkingScript)
        defer { job.cleanUp() }
        var lines = job.outputLines().makeAsyncIterator()
        let daemon = try await job.nextOrphan(from: &lines)

        let report = await quickKiller.kill(job.tree)

        #expect(report.rootWasSignalled)
        #expect(report.killedCount == 2)
        await expectAllDead([daemon], of: job)
    }

    @Test("a reparented daemon that scrubbed its environment is found because an earlier scan saw it")
    func killsScrubbedDaemonFromMemory() async throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let release = "\(scratch.path)/release"
        // The intermediate shell waits for `release`, so the daemon is first seen while it still
        // descends from the root, then is orphaned with an empty environment.
        let job = try TestJob(script: """
            env -i setsid sh -c 'sh -c "echo \\$\\$; exec sleep 1000" & while [ ! -e "$1" ]; do sleep 0.02; done' sh "$1"
            exec sleep 1000
            """, arguments: [release])
        defer { job.cleanUp() }
        var lines = job.outputLines().makeAsyncIterator()
        let daemon = try await job.nextPID(from: &lines)
        #expect(!ProcessTable.environment(of: daemon.pid, contains: "\(ProcessLauncher.jobTagVariable)=\(job.tag)"))

        // The periodic refresh the daemon does (admin process count).
        #expect(await job.tree.refresh().contains { $0.identity == daemon })
        #expect(creat(release, 0o644) >= 0)
        #expect(await ProcessLiveness.waitUntil { ProcStat.read(pid: daemon.pid)?.parentPID == getpid() })
        let amnesiac = JobProcessTree(root: job.process)
        #expect(await !amnesiac.refresh().contains { $0.identity == daemon }, "without memory it is invisible")

        let report = await quickKiller.kill(job.tree)

        #expect(report.killedCount == 2)
        await expectAllDead([daemon], of: job)
    }

    @Test("a tree that keeps forking while it is being killed ends with nothing left")
    func killsTreeForkingDuringKill() async throws {
        let job = try TestJob(script: """
            trap '' TERM
            while true; do
                setsid sh -c 'echo $$; exec sleep 1000' &
                sleep 0.02
            done
            """)
        defer { job.cleanUp() }
        var lines = job.outputLines().makeAsyncIterator()
        var forked: [ProcessIdentity] = []
        for _ in 0..<5 { forked.append(try await job.nextPID(from: &lines)) }
        // Those forked later are checked through their inherited tag.

        let report = await quickKiller.kill(job.tree)

        #expect(report.neededSIGKILL)
        #expect(report.killedCount >= 6)
        await expectAllDead(forked, of: job)
    }

    @Test("killing a job whose root already exited sweeps what it left and reports the root's own exit")
    func sweepsAfterRootExit() async throws {
        let job = try TestJob(script: """
            setsid sh -c 'echo $$; exec sleep 1000' &
            exit 4
            """)
        defer { job.cleanUp() }
        var lines = job.outputLines().makeAsyncIterator()
        let leftover = try await job.nextPID(from: &lines)
        #expect(await job.process.waitForExit() == .exited(4))
        #expect(await job.tree.liveMemberCount() == 1)

        let report = await quickKiller.kill(job.tree)

        #expect(!report.rootWasSignalled)
        #expect(report.killedCount == 1)
        #expect(report.rootExit == .exited(4))
        await expectAllDead([leftover], of: job)
    }

    @Test("on a host with hundreds of unrelated processes the kill reads only the job's and spares the others")
    func killsOnABusyHostReadingOnlyTheJob() async throws {
        let crowd = try TestJob(script: """
            i=0
            while [ $i -lt 300 ]; do sleep 1000 & i=$((i + 1)); done
            echo ready
            wait
            """)
        defer { crowd.cleanUp() }
        var crowdLines = crowd.outputLines().makeAsyncIterator()
        #expect(await crowdLines.next() == "ready")
        #expect(await ProcessLiveness.waitUntil { await crowd.tree.liveMemberCount() == 301 })

        let job = try TestJob(script: """
            sleep 1000 & echo $!
            setsid sh -c 'echo $$; exec sleep 1000' &
            wait
            """)
        defer { job.cleanUp() }
        var lines = job.outputLines().makeAsyncIterator()
        let children = [try await job.nextPID(from: &lines), try await job.nextPID(from: &lines)]
        let source = RecordingProcessSource()
        let tree = JobProcessTree(root: job.process, source: source)
        #expect(await ProcessLiveness.waitUntil { await tree.liveMemberCount() == 3 })

        let report = await quickKiller.kill(tree)

        #expect(report.killedCount == 3)
        await expectAllDead(children, of: job)
        let crowdPIDs = Set(ProcessLiveness.taggedProcesses(crowd.tag).map(\.pid))
        #expect(crowdPIDs.count == 301, "the unrelated processes were left alone")
        #expect(source.readPIDs.isDisjoint(with: crowdPIDs), "the job's kill read none of the unrelated processes")
        _ = await quickKiller.kill(crowd.tree)
    }

    @Test("cancelling the caller does not cut a kill short")
    func killSurvivesCancellation() async throws {
        let job = try TestJob(script: """
            trap '' TERM
            sleep 1000 & echo $!
            wait
            """)
        defer { job.cleanUp() }
        var lines = job.outputLines().makeAsyncIterator()
        let child = try await job.nextPID(from: &lines)

        let killing = Task { await quickKiller.kill(job.tree) }
        killing.cancel()
        let report = await killing.value

        #expect(report.neededSIGKILL)
        await expectAllDead([child], of: job)
    }
}
