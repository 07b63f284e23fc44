import Foundation
import Shared
import Testing

@testable import ClaudioBot

/// The built daemon with the fake Telegram: history, cost and metrics as an operator reads them.
@Suite("History, cost and metrics through the built binary (SPEC §16)", .serialized)
struct HistoryMetricsEndToEndTests {
    private let user = TelegramDaemonHarness.authorizedUser
    private let stranger = TelegramDaemonHarness.strangerUser

    @Test("a job, a rate-limited prompt and a stranger move /metrics; /v1/history and `claudio history` show the job; METRICS_LISTEN serves only /metrics")
    func historyAndMetrics() async throws {
        try await TelegramDaemonHarness.with { harness in
            let fake = harness.fake
            let port = try FreeLoopbackPort.pick()
            let daemon = try await harness.start(["RATE_LIMIT_REQUESTS": "1", "METRICS_LISTEN": "127.0.0.1:\(port)"])
            await fake.sendText("PROGRESS first", from: user, username: "alice")
            try await fake.waitForText("done after progress", inChat: user, timeout: .seconds(20))
            await fake.sendText("second", from: user, username: "alice")
            try await fake.waitForText("⏱️ Rate limit exceeded", inChat: user)
            await fake.sendText("let me in", from: stranger, username: "mallory")
            try await fake.waitForText(GateReplies.accessDenied, inChat: stranger)

            let client = daemon.client
            // The history row is written once the answer is out.
            #expect(await ProcessLiveness.waitUntil { (try? await client.history().jobs.count) == 1 })
            let history = try await client.history()
            let job = try #require(history.jobs.first)
            #expect(job.outcome == .ok && job.exitCode == 0 && job.costUSD == 0.0123 && job.username == "alice")
            #expect(job.toolsUsed == ["Read", "Bash"] && job.promptExcerpt == "PROGRESS first")
            #expect(try await client.snapshot().history == history.jobs)
            let limits = try await client.rateLimits().rateLimits
            #expect(limits.first { $0.userID == String(user) }?.costTodayUSD == 0.0123)

            let metrics = try PrometheusText(try await client.metrics())
            #expect(metrics.value("claudio_up") == 1)
            #expect(metrics.value("claudio_jobs_finished_total", ["platform": "telegram", "outcome": "ok"]) == 1)
            #expect(metrics.value("claudio_job_duration_seconds_count") == 1)
            #expect(metrics.value("claudio_cost_usd_total") == 0.0123)
            #expect(metrics.value("claudio_rate_limited_total", ["platform": "telegram"]) == 1)
            #expect(metrics.value("claudio_denied_total", ["platform": "telegram", "reason": "not_allowed"]) == 1)
            #expect(metrics.value("claudio_jobs", ["state": "running"]) == 0)

            let environment = ["PATH": "/usr/bin:/bin", "HOME": harness.directory.path]
            let table = try await ClaudioBinary.run(
                ["history", "--socket", daemon.socketPath], environment: environment, in: harness.directory.path)
            #expect(table.status.code == 0, "\(table.standardErrorText)")
            let lines = table.standardOutputText.split(separator: "\n").map(String.init)
            #expect(lines.first?.hasPrefix("ENDED") == true && lines.first?.contains("TOOLS") == true)
            #expect(lines.count == 2)
            #expect(lines.last.map { $0.contains(job.id) && $0.contains("ok") && $0.contains("$0.0123") } == true)
            #expect(lines.last?.contains("Read,Bash") == true && lines.last?.contains("@alice") == true)
            let json = try await ClaudioBinary.run(
                ["history", "--json", "--limit", "1", "--socket", daemon.socketPath], environment: environment,
                in: harness.directory.path)
            #expect(json.status.code == 0)
            let decoded = try AdminJSON.decoder.decode(HistoryResponse.self, from: Data(json.standardOutputText.utf8))
            #expect(decoded == history)
            #expect(json.standardOutputText.contains(#""duration_seconds":"#))

            let http = HTTPClient()
            defer { http.shutdown() }
            let scrape = try await http.send(HTTPRequest(method: .get, url: "http://127.0.0.1:\(port)/metrics"))
            #expect(scrape.statusCode == 200)
            let scraped = try PrometheusText(String(decoding: scrape.body, as: UTF8.self))
            #expect(scraped.value("claudio_jobs_finished_total", ["platform": "telegram", "outcome": "ok"]) == 1)
            for path in ["/v1/status", "/v1/history", "/v1/snapshot", "/"] {
                let answer = try await http.send(HTTPRequest(method: .get, url: "http://127.0.0.1:\(port)\(path)"))
                #expect(answer.statusCode == 404, "\(path)")
            }
        }
    }

    @Test("over USER_DAILY_BUDGET_USD a prompt is refused until midnight UTC; /status shows the cost and still answers")
    func budget() async throws {
        try await TelegramDaemonHarness.with { harness in
            let fake = harness.fake
            let daemon = try await harness.start(["USER_DAILY_BUDGET_USD": "0.01"])
            await fake.sendText("spend it", from: user)
            try await fake.waitForText("echo: spend it", inChat: user)
            // The day's cost is counted before the job's history row shows.
            #expect(await ProcessLiveness.waitUntil { (try? await daemon.client.history().jobs.count) == 1 })
            await fake.sendText("once more", from: user)
            try await fake.waitForText("💸 Daily budget of $0.01 reached — it resets in", inChat: user)
            await fake.sendText("/status", from: user)
            try await fake.waitForText("Your cost today (UTC): $0.0123 of your $0.01 daily budget", inChat: user)
            #expect(!harness.prompts.contains("once more"), "the refused prompt never reached claude")
        }
    }
}
