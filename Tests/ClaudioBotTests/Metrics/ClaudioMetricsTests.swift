import Shared
import Testing

@testable import ClaudioBot

@Suite("Metrics: SPEC §16's series in the Prometheus text format, one registry per daemon")
struct ClaudioMetricsTests {
    @Test("every named series is exposed with its type, counters at zero, claudio_up at 1, the timeout for alerts")
    func everySeries() throws {
        let metrics = try PrometheusText(ClaudioMetrics(commandTimeout: 900).exposition)
        #expect(metrics.types["claudio_jobs"] == "gauge")
        #expect(metrics.types["claudio_jobs_finished_total"] == "counter")
        #expect(metrics.types["claudio_job_duration_seconds"] == "histogram")
        #expect(metrics.types["claudio_denied_total"] == "counter")
        #expect(metrics.types["claudio_rate_limited_total"] == "counter")
        #expect(metrics.types["claudio_approvals_total"] == "counter")
        #expect(metrics.types["claudio_cost_usd_total"] == "counter")
        #expect(metrics.types["claudio_channel_errors_total"] == "counter")
        #expect(metrics.value("claudio_up") == 1)
        #expect(metrics.value("claudio_job_timeout_seconds") == 900)
        #expect(metrics.value("claudio_jobs", ["state": "running"]) == 0)
        #expect(metrics.value("claudio_jobs_finished_total", ["platform": "slack", "outcome": "timeout"]) == 0)
        #expect(metrics.value("claudio_denied_total", ["platform": "telegram", "reason": "myid"]) == 0)
        #expect(metrics.value("claudio_approvals_total", ["decision": "timeout"]) == 0)
        #expect(metrics.value("claudio_channel_errors_total", ["channel": "slack", "kind": "network"]) == 0)
    }

    @Test("events move their series: a finished job (count, duration, cost), a denial, a rate limit, an approval")
    func eventsCount() throws {
        let metrics = ClaudioMetrics(commandTimeout: 1800)
        metrics.jobFinished(platform: .telegram, outcome: .ok, durationSeconds: 12, costUSD: 0.25)
        metrics.jobFinished(platform: .telegram, outcome: .ok, durationSeconds: 200, costUSD: 0.5)
        metrics.jobFinished(platform: .slack, outcome: .cancelled, durationSeconds: nil, costUSD: nil)
        metrics.denied(platform: .slack, reason: .otherWorkspace)
        metrics.rateLimited(platform: .telegram)
        metrics.approvalDecided(.deny)
        metrics.channelError(.telegram, kind: .conflict)
        metrics.observeJobs([
            Self.job(.running, elapsed: 1700), Self.job(.running, elapsed: 3), Self.job(.queued, elapsed: 9),
        ])
        let text = try PrometheusText(metrics.exposition)
        #expect(text.value("claudio_jobs_finished_total", ["platform": "telegram", "outcome": "ok"]) == 2)
        #expect(text.value("claudio_jobs_finished_total", ["platform": "slack", "outcome": "cancelled"]) == 1)
        #expect(text.value("claudio_job_duration_seconds_count") == 2, "a job that never ran has no duration")
        #expect(text.value("claudio_job_duration_seconds_bucket", ["le": "15.0"]) == 1)
        #expect(text.value("claudio_job_duration_seconds_sum") == 212)
        #expect(text.value("claudio_cost_usd_total") == 0.75)
        #expect(text.value("claudio_denied_total", ["platform": "slack", "reason": "other_workspace"]) == 1)
        #expect(text.value("claudio_rate_limited_total", ["platform": "telegram"]) == 1)
        #expect(text.value("claudio_approvals_total", ["decision": "deny"]) == 1)
        #expect(text.value("claudio_channel_errors_total", ["channel": "telegram", "kind": "conflict"]) == 1)
        #expect(text.value("claudio_jobs", ["state": "running"]) == 2)
        #expect(text.value("claudio_jobs", ["state": "queued"]) == 1)
        #expect(text.value("claudio_job_longest_running_seconds") == 1700)
    }

    @Test("two daemons in one process count apart: nothing goes through a global metrics system")
    func separateRegistries() throws {
        let first = ClaudioMetrics(commandTimeout: 60)
        let second = ClaudioMetrics(commandTimeout: 60)
        first.rateLimited(platform: .slack)
        #expect(try PrometheusText(first.exposition).value("claudio_rate_limited_total", ["platform": "slack"]) == 1)
        #expect(try PrometheusText(second.exposition).value("claudio_rate_limited_total", ["platform": "slack"]) == 0)
    }

    static func job(_ state: JobRunState, elapsed: Double) -> JobInfo {
        JobInfo(
            origin: JobOrigin(id: "j", platform: .telegram, chatID: "1", userID: "1", promptExcerpt: "x"),
            state: state, startedAt: .now, elapsedSeconds: elapsed, processes: 1)
    }
}
