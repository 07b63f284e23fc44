import Foundation
import Testing

@testable import Shared

@Suite("Admin API JSON shapes (SPEC §6)")
struct AdminAPIShapeTests {
    /// The top-level object `value` encodes to.
    func object(_ value: some Encodable) throws -> [String: Any] {
        let data = try AdminJSON.encoder.encode(value)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func keys(_ value: some Encodable) throws -> Set<String> {
        Set(try object(value).keys)
    }

    func roundTrips<Value: Codable & Equatable>(_ value: Value) throws -> Bool {
        try AdminJSON.decoder.decode(Value.self, from: AdminJSON.encoder.encode(value)) == value
    }

    @Test("status has every key of the contract, nested objects included")
    func statusKeys() throws {
        let status = AdminAPISamples.status
        #expect(try keys(status) == [
            "version", "pid", "started_at", "uptime_seconds", "channels", "locks", "limits", "skip_permissions",
            "allowed_tools", "claude_cli", "sandbox",
        ])
        #expect(try keys(AdminAPISamples.status.sandbox) == ["mode", "reason"])
        #expect(try object(SandboxStatus(mode: .bwrap))["reason"] is NSNull)
        #expect(try keys(AdminAPISamples.channel) == [
            "name", "enabled", "connected", "last_error", "allowlist_size", "allow_all",
        ])
        #expect(try keys(AdminAPISamples.lock) == ["channel", "path", "held", "holder_pid", "since"])
        #expect(try keys(AdminAPISamples.limits) == [
            "rate_limit_requests", "rate_limit_window", "command_timeout", "max_input_length", "max_concurrent_jobs",
        ])
        #expect(try keys(AdminAPISamples.claudeCLI) == ["path", "version"])
        #expect(try roundTrips(status))
    }

    @Test("absent optional values are explicit nulls")
    func nullsArePresent() throws {
        let lock = try object(AdminAPISamples.lock)
        #expect(lock["holder_pid"] is NSNull)
        #expect(lock["since"] is NSNull)
        let job = try object(AdminAPISamples.job)
        #expect(job["pid"] is NSNull)
        #expect(job["username"] is NSNull)
        #expect(job["cpu_percent"] is NSNull && job["rss_bytes"] is NSNull)
        #expect(try object(AdminAPISamples.channel)["last_error"] is NSNull)
    }

    @Test("jobs and kill answers use the contract's keys; user and chat IDs are strings")
    func jobKeys() throws {
        #expect(try keys(JobsResponse(jobs: [])) == ["jobs"])
        #expect(try keys(AdminAPISamples.job) == [
            "id", "platform", "chat_id", "user_id", "username", "state", "pid", "started_at", "elapsed_seconds",
            "processes", "prompt_excerpt", "sandboxed", "cpu_percent", "rss_bytes",
        ])
        let job = try object(AdminAPISamples.job)
        #expect(job["user_id"] as? String == "9007199254740993")
        #expect(job["chat_id"] as? String == "-1001234567890123")
        #expect(job["state"] as? String == "queued")
        #expect(job["platform"] as? String == "telegram")
        #expect(try keys(KillResponse(id: "j1", processes: 4)) == ["id", "killed", "processes"])
        #expect(try roundTrips(JobsResponse(jobs: [AdminAPISamples.job])))
    }

    @Test("a job's page is its row plus prompt, timeout_at, cost_usd, tree[] and activity[] (SPEC §17)")
    func jobDetailKeys() throws {
        let detail = try object(AdminAPISamples.jobDetail)
        #expect(Set(detail.keys) == (try keys(AdminAPISamples.job)).union([
            "prompt", "timeout_at", "cost_usd", "tree", "activity",
        ]))
        #expect(detail["timeout_at"] as? String == "2026-01-01T00:30:00Z")
        #expect(detail["cost_usd"] is NSNull)
        #expect(detail["cpu_percent"] as? Double == 12.5 && detail["rss_bytes"] as? Int == 8192)
        let tree = try #require(detail["tree"] as? [[String: Any]])
        #expect(Set(tree[0].keys) == ["pid", "ppid", "state", "cpu_percent", "rss_bytes", "command"])
        #expect(tree[0]["cpu_percent"] is NSNull && tree[1]["cpu_percent"] as? Double == 12.5)
        let activity = try #require(detail["activity"] as? [[String: Any]])
        #expect(activity.first?["kind"] as? String == "tool" && Set(activity[0].keys) == ["at", "kind", "summary"])
        #expect(try roundTrips(AdminAPISamples.jobDetail))
    }

    @Test("a job row of an older daemon (no cpu_percent, rss_bytes) still decodes")
    func olderJobRow() throws {
        var fields = try object(AdminAPISamples.job)
        fields["cpu_percent"] = nil
        fields["rss_bytes"] = nil
        let decoded = try AdminJSON.decoder.decode(JobInfo.self, from: try JSONSerialization.data(withJSONObject: fields))
        #expect(decoded == AdminAPISamples.job)
    }

    @Test("rate-limit and denied rows use the contract's keys")
    func rateLimitAndDeniedKeys() throws {
        #expect(try keys(RateLimitsResponse(rateLimits: [])) == ["rate_limits"])
        #expect(try keys(AdminAPISamples.rateLimit) == [
            "platform", "user_id", "username", "used", "limit", "window_seconds", "reset_in_seconds", "rejected",
            "cost_today_usd",
        ])
        #expect(try keys(DeniedResponse(denied: [])) == ["denied"])
        #expect(try keys(AdminAPISamples.denied) == [
            "id", "at", "last_at", "platform", "user_id", "username", "chat_id", "reason", "excerpt", "count",
        ])
        #expect(try roundTrips(DeniedResponse(denied: [AdminAPISamples.denied])))
    }

    @Test("reload reports both allowlists with their source")
    func reloadKeys() throws {
        let reload = try object(AdminAPISamples.reload)
        #expect(Set(reload.keys) == ["telegram", "slack"])
        let telegram = try #require(reload["telegram"] as? [String: Any])
        let slack = try #require(reload["slack"] as? [String: Any])
        #expect(Set(telegram.keys) == ["size", "source"])
        #expect(Set(slack.keys) == ["size", "allow_all", "source"])
        #expect(telegram["source"] as? String == "file")
        #expect(slack["source"] as? String == "environment")
        #expect(try roundTrips(AdminAPISamples.reload))
    }

    @Test("snapshot bundles status with the jobs, rate-limit, denied and approvals arrays")
    func snapshotKeys() throws {
        let snapshot = try object(AdminAPISamples.snapshot)
        #expect(Set(snapshot.keys) == ["status", "jobs", "rate_limits", "rate_limits_total", "denied", "history", "approvals"])
        #expect((snapshot["history"] as? [Any])?.count == 1)
        #expect((snapshot["jobs"] as? [Any])?.count == 1)
        #expect((snapshot["rate_limits"] as? [Any])?.count == 1)
        #expect(snapshot["rate_limits_total"] as? Int == 1)
        #expect((snapshot["denied"] as? [Any])?.count == 1)
        #expect(try roundTrips(AdminAPISamples.snapshot))
    }

    @Test("a snapshot without rate_limits_total (an older daemon) counts its rows")
    func snapshotWithoutTotal() throws {
        var fields = try object(AdminAPISamples.snapshot)
        fields["rate_limits_total"] = nil
        let data = try JSONSerialization.data(withJSONObject: fields)
        let decoded = try AdminJSON.decoder.decode(SnapshotResponse.self, from: data)
        #expect(decoded.rateLimitsTotal == decoded.rateLimits.count)
        #expect(decoded == AdminAPISamples.snapshot)
    }

    @Test("an older daemon's snapshot (no history) and rate-limit rows (no cost) still decode")
    func olderDaemonAnswers() throws {
        var fields = try object(AdminAPISamples.snapshot)
        fields["history"] = nil
        var rows = try #require(fields["rate_limits"] as? [[String: Any]])
        rows[0]["cost_today_usd"] = nil
        fields["rate_limits"] = rows
        let decoded = try AdminJSON.decoder.decode(
            SnapshotResponse.self, from: try JSONSerialization.data(withJSONObject: fields))
        #expect(decoded.history.isEmpty)
        #expect(decoded.rateLimits.first?.costTodayUSD == 0)
    }

    @Test("history rows carry SPEC §16's keys: duration from the two times, tools in order, nulls present")
    func historyKeys() throws {
        #expect(try keys(HistoryResponse(jobs: [])) == ["jobs"])
        let row = try object(AdminAPISamples.history)
        #expect(Set(row.keys) == [
            "id", "platform", "chat_id", "user_id", "username", "started_at", "ended_at", "duration_seconds", "outcome",
            "exit_code", "cost_usd", "prompt_excerpt", "tools_used",
        ])
        #expect(row["duration_seconds"] as? Double == 42)
        #expect(row["tools_used"] as? [String] == ["Read", "Bash", "Edit"])
        #expect(row["exit_code"] is NSNull && row["cost_usd"] is NSNull && row["username"] is NSNull)
        #expect(row["outcome"] as? String == "timeout")
        #expect(try roundTrips(HistoryResponse(jobs: [AdminAPISamples.history])))
    }

    @Test("errors are {\"error\": message}")
    func errorBody() throws {
        #expect(try object(APIErrorBody(error: "unknown job: j9")) as? [String: String] == ["error": "unknown job: j9"])
    }

    @Test("times are ISO-8601 UTC strings")
    func isoDates() throws {
        let denied = try object(AdminAPISamples.denied)
        #expect(denied["at"] as? String == "2026-01-01T00:00:00Z")
        #expect(denied["last_at"] as? String == "2026-01-01T00:00:30Z")
        #expect(try object(AdminAPISamples.status)["started_at"] as? String == "2026-01-01T00:00:00Z")
    }

    @Test("output is stable: keys sorted, slashes unescaped")
    func stableOutput() throws {
        let text = String(decoding: try AdminJSON.encoder.encode(AdminAPISamples.lock), as: UTF8.self)
        #expect(text == #"{"channel":"telegram","held":false,"holder_pid":null,"#
            + #""path":"/tmp/telegram_claude_bot.lock","since":null}"#)
    }

    @Test("endpoint paths match the contract and job IDs cannot escape their path segment")
    func endpointPaths() {
        #expect(AdminEndpoint.status.path == "/v1/status")
        #expect(AdminEndpoint.rateLimits.path == "/v1/rate-limits")
        #expect(AdminEndpoint.denied(limit: nil).path == "/v1/denied")
        #expect(AdminEndpoint.denied(limit: 20).path == "/v1/denied?limit=20")
        #expect(AdminEndpoint.kill(jobID: "j-1").path == "/v1/jobs/j-1/kill")
        #expect(AdminEndpoint.kill(jobID: "../x?y").path == "/v1/jobs/%2E%2E%2Fx%3Fy/kill")
        #expect(AdminEndpoint.kill(jobID: "a").method == .post)
        #expect(AdminEndpoint.job(id: "j-1").path == "/v1/jobs/j-1" && AdminEndpoint.job(id: "j").method == .get)
        #expect(AdminEndpoint.job(id: "../x").path == "/v1/jobs/%2E%2E%2Fx")
        #expect(AdminEndpoint.reload.method == .post)
        #expect(AdminEndpoint.snapshot.method == .get)
        #expect(AdminEndpoint.history(limit: nil).path == "/v1/history")
        #expect(AdminEndpoint.history(limit: 5).path == "/v1/history?limit=5")
        #expect(AdminEndpoint.metrics.path == "/metrics" && AdminEndpoint.metrics.method == .get)
    }
}
