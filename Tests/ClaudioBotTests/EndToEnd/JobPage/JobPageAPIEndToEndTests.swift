import FakeTelegram
import Foundation
import Glibc
import Shared
import Testing

@testable import ClaudioBot

/// `GET /v1/jobs/{id}` (SPEC §17) through the built `claudio run`, against the scripted claude's `TREE` job: claude, a
/// `setsid`'ed sleep, claude's own sleep and a double-forked sleep the kernel reparented away from claude.
@Suite("A job's page through the built binary: its process tree with host PIDs, its activity, then a kill", .serialized)
struct JobPageAPIEndToEndTests {
    private let user = TelegramDaemonHarness.authorizedUser

    /// Sends `TREE` and returns the job's page once its three sleeps are there, each sampled twice (a CPU share).
    private func treeJob(_ harness: TelegramDaemonHarness, _ daemon: DaemonProcess) async throws -> JobDetail {
        await harness.fake.sendText("TREE", from: user, username: "alice")
        let client = daemon.client
        var job: JobInfo?
        _ = await ProcessLiveness.waitUntil(timeout: .seconds(30)) {
            job = try? await client.jobs().jobs.first
            return job != nil
        }
        let id = try #require(job?.id, "no job started")
        var detail: JobDetail?
        let complete = await ProcessLiveness.waitUntil(timeout: .seconds(30)) {
            detail = try? await client.job(id: id)
            guard let detail else { return false }
            return detail.tree.count { $0.command == "sleep 1000" } == 3 && detail.tree.allSatisfy { $0.cpuPercent != nil }
                && detail.processes == detail.tree.count
        }
        #expect(complete, "the tree never settled: \(String(describing: detail))")
        return try #require(detail)
    }

    /// Kills the job through the API and checks that none of `pids` is left, and that its page is gone.
    private func killLeavesNothing(_ detail: JobDetail, _ daemon: DaemonProcess) async throws {
        let pids = detail.tree.map { pid_t($0.pid) }
        let killed = try await daemon.client.kill(jobID: detail.id)
        #expect(killed.processes >= pids.count)
        let gone = await ProcessLiveness.waitUntil(timeout: .seconds(20)) {
            pids.allSatisfy { ProcStat.read(pid: $0)?.isLive != true }
        }
        #expect(gone, "left running: \(pids.filter { ProcStat.read(pid: $0)?.isLive == true })")
        // The job leaves the list once its chat has been told.
        let client = daemon.client
        let unknown = await ProcessLiveness.waitUntil(timeout: .seconds(20)) {
            do {
                _ = try await client.job(id: detail.id)
                return false
            } catch {
                return (error as? AdminClientError) == .refused(status: 404, message: "unknown job: \(detail.id)")
            }
        }
        #expect(unknown, "the page of a killed job should be a 404")
    }

    @Test("unsandboxed: claude under the daemon, its children under claude, the orphan under the daemon (subreaper)")
    func unsandboxed() async throws {
        try await TelegramDaemonHarness.with { harness in
            let daemon = try await harness.start(["JOB_SANDBOX": "off"])
            let detail = try await treeJob(harness, daemon)
            let daemonPID = Int(daemon.pid)

            let claude = try #require(detail.tree.first { $0.pid == detail.pid })
            #expect(claude.ppid == daemonPID)
            #expect(claude.command.contains("fake-claude"), "\(claude.command)")
            let sleeps = detail.tree.filter { $0.command == "sleep 1000" }
            #expect(sleeps.map(\.ppid).sorted() == [claude.pid, claude.pid, daemonPID].sorted())
            #expect(Set(harness.claude.recordedPIDs.map(Int.init)).isSubset(of: Set(detail.tree.map(\.pid))))
            #expect(detail.tree.allSatisfy { $0.rssBytes > 0 && !$0.state.isEmpty })
            #expect(detail.tree.map(\.pid) == detail.tree.map(\.pid).sorted())

            #expect(detail.prompt == "TREE" && detail.username == "alice")
            let timeout = try await daemon.client.status().limits.commandTimeout
            #expect(detail.timeoutAt == detail.startedAt.addingTimeInterval(timeout))
            #expect(detail.costUSD == nil, "claude reports its cost with its result")
            #expect(detail.activity.map(\.kind) == [.tool])
            #expect(detail.activity.first?.summary == "Bash: setsid sleep 1000 & setsid sh -c 'sleep 1000 &'")

            let row = try #require(try await daemon.client.jobs().jobs.first)
            #expect(row.cpuPercent != nil && (row.rssBytes ?? 0) > 0)
            try await killLeavesNothing(detail, daemon)
        }
    }

    @Test("in bubblewrap: host PIDs, one tree from bwrap down, the orphan under the namespace's init",
          .enabled(if: ExecutableLocator.locate("bwrap", searchPath: "/usr/bin:/bin") != nil))
    func sandboxed() async throws {
        try await TelegramDaemonHarness.with { harness in
            let daemon = try await harness.start(["JOB_SANDBOX": "bwrap"])
            let detail = try await treeJob(harness, daemon)
            let pids = Set(detail.tree.map(\.pid))
            let bubblewrap = try #require(detail.tree.first { $0.ppid == Int(daemon.pid) })
            #expect(bubblewrap.pid == detail.pid && bubblewrap.command.contains("bwrap"))
            #expect(detail.tree.allSatisfy { $0.pid == bubblewrap.pid || pids.contains($0.ppid) }, "one tree")
            let namespaceInit = try #require(detail.tree.first { $0.ppid == bubblewrap.pid })
            let claude = try #require(detail.tree.first { $0.ppid == namespaceInit.pid && $0.command.contains("fake-claude") })
            let sleeps = detail.tree.filter { $0.command == "sleep 1000" }
            #expect(sleeps.map(\.ppid).sorted() == [claude.pid, claude.pid, namespaceInit.pid].sorted())
            #expect(detail.sandboxed)
            try await killLeavesNothing(detail, daemon)
        }
    }
}
