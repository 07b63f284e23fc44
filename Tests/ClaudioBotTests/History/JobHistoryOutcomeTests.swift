import ClaudioTestSupport
import Foundation
import Shared
import Testing

@testable import ClaudioBot

/// The daemon's own wiring (`DaemonParts.assemble` over a real store, the fake claude), driven through the router.
@Suite("Every finished job is kept in the history with its outcome, exit code, cost and tools (SPEC §16)", .serialized)
struct JobHistoryOutcomeTests {
    let user = ChatUser(platform: .telegram, id: String(TelegramChannelHarness.authorizedUser), username: "alice")

    func message(_ text: String, chat: String) -> InboundMessage {
        InboundMessage(user: user, chatID: chat, text: text, sentAt: Date())
    }

    /// Job IDs in the order their jobs finished.
    static func finishedJobs(of harness: TelegramChannelHarness) async -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream.makeStream(of: String.self)
        await harness.scheduler.onJobFinished { job, _ in continuation.yield(job.id) }
        return stream
    }

    /// Waits until the chat's job runs claude, and returns it.
    func running(in chat: String, of harness: TelegramChannelHarness) async throws -> Job {
        let key = ChatAddress(platform: .telegram, chatID: chat).chatKey
        let started = await ProcessLiveness.waitUntil {
            await harness.scheduler.runningJob(in: key)?.control.pid != nil
        }
        #expect(started, "claude never started in chat \(chat)")
        return try #require(await harness.scheduler.runningJob(in: key))
    }

    @Test("ok with its tools, error with its exit code, killed, cancelled — and a queued job cancelled before it ran")
    func outcomes() async throws {
        try await TelegramChannelHarness.with { harness in
            let finished = await Self.finishedJobs(of: harness)
            var order = finished.makeAsyncIterator()
            let replier = RecordingReplier()
            let router = harness.router

            await router.route(message("PROGRESS then answer", chat: "1"), asking: .prompt, replier: replier)
            let progressID = try #require(await order.next())
            await router.route(message("FAIL please", chat: "2"), asking: .prompt, replier: replier)
            let failID = try #require(await order.next())

            await router.route(message("SLEEP until killed", chat: "3"), asking: .prompt, replier: replier)
            let killed = try await running(in: "3", of: harness)
            #expect(await harness.scheduler.kill(jobID: killed.id, reason: .admin) != nil)
            #expect(await order.next() == killed.id)

            await router.route(message("SLEEP until cancelled", chat: "4"), asking: .prompt, replier: replier)
            let cancelled = try await running(in: "4", of: harness)
            await router.route(message("waits behind it", chat: "4"), asking: .prompt, replier: replier)
            let queued = try #require(await harness.scheduler.snapshot().first { $0.state == .queued })
            #expect(await harness.scheduler.kill(jobID: queued.id, reason: .cancel) == 0)
            #expect(await order.next() == queued.id)
            await router.route(message("/cancel", chat: "4"), asking: .cancel, replier: replier)
            #expect(await order.next() == cancelled.id)

            // A queued job leaves the history row after the scheduler has let it go.
            #expect(await ProcessLiveness.waitUntil { await harness.store.recentJobs(limit: 10).count == 5 })
            let rows = Dictionary(uniqueKeysWithValues: await harness.store.recentJobs(limit: 10).map { ($0.id, $0) })
            let progress = try #require(rows[progressID])
            #expect(progress.outcome == .ok && progress.exitCode == 0 && progress.costUSD == 0.0123)
            #expect(progress.toolsUsed == ["Read", "Bash"])
            #expect(progress.promptExcerpt == "PROGRESS then answer" && progress.username == "alice")
            #expect(progress.endedAt >= progress.startedAt)
            let failed = try #require(rows[failID])
            #expect(failed.outcome == .error && failed.exitCode == 3 && failed.costUSD == nil)
            #expect(rows[killed.id]?.outcome == .killed)
            #expect(rows[cancelled.id]?.outcome == .cancelled)
            let neverRan = try #require(rows[queued.id])
            #expect(neverRan.outcome == .cancelled && neverRan.exitCode == nil && neverRan.toolsUsed.isEmpty)

            let admin = await harness.parts.recentHistory.newest
            #expect(Set(admin.map(\.id)) == Set(rows.keys), "the snapshot's history has them too")
            #expect(await harness.router.gate.costToday(of: user.key) == 0.0123, "the day's cost counts the answered run")
            let metrics = try PrometheusText(harness.parts.metrics.exposition)
            #expect(metrics.value("claudio_jobs_finished_total", ["platform": "telegram", "outcome": "cancelled"]) == 2)
            #expect(metrics.value("claudio_jobs_finished_total", ["platform": "telegram", "outcome": "killed"]) == 1)
            #expect(metrics.value("claudio_job_duration_seconds_count") == 4)
            #expect(metrics.value("claudio_cost_usd_total") == 0.0123)
        }
    }

    @Test("a job past COMMAND_TIMEOUT is kept as timeout")
    func timeout() async throws {
        try await TelegramChannelHarness.with(environment: ["COMMAND_TIMEOUT": "1"]) { harness in
            let finished = await Self.finishedJobs(of: harness)
            var order = finished.makeAsyncIterator()
            await harness.router.route(message("SLEEP forever", chat: "9"), asking: .prompt, replier: RecordingReplier())
            let id = try #require(await order.next())
            let row = try #require(await harness.store.recentJobs(limit: 1).first)
            #expect(row.id == id && row.outcome == .timeout && row.costUSD == nil)
        }
    }
}
