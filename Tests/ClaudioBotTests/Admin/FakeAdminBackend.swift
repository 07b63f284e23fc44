import Foundation
import Shared

@testable import ClaudioBot

/// An `AdminBackend` answering fixed values; it knows one job (`j1`), can be told to reject reloads, and records
/// the `limit` of each denied and history query.
actor FakeAdminBackend: AdminBackend {
    static let startedAt = Date(timeIntervalSince1970: 1_767_225_600)

    static let statusAnswer = StatusResponse(
        version: "1.2.3", pid: 4242, startedAt: startedAt, uptimeSeconds: 75,
        channels: [
            ChannelStatus(name: .telegram, enabled: true, connected: true, allowlistSize: 2),
            ChannelStatus(name: .slack, enabled: true, connected: false, lastError: "disconnect: link_disabled",
                          allowlistSize: 0, allowAll: true),
        ],
        locks: [LockStatus(channel: .telegram, path: "/tmp/telegram_claude_bot.lock", held: true, holderPID: 4242,
                           since: startedAt)],
        limits: LimitsInfo(rateLimitRequests: 10, rateLimitWindow: 60, commandTimeout: 1800, maxInputLength: 10000,
                           maxConcurrentJobs: 3),
        skipPermissions: true, allowedTools: "Bash,Read",
        claudeCLI: ClaudeCLIStatus(path: "/usr/local/bin/claude", version: "2.1.331 (Claude Code)"),
        sandbox: SandboxStatus(mode: .bwrap))
    static let jobsAnswer = JobsResponse(jobs: [
        JobInfo(
            origin: JobOrigin(
                id: "j1", platform: .telegram, chatID: "-1001234567890", userID: "9007199254740993", username: "ana",
                promptExcerpt: "list files"),
            state: .running, pid: 777, startedAt: startedAt, elapsedSeconds: 12.5, processes: 3),
        JobInfo(
            origin: JobOrigin(
                id: "j2", platform: .slack, chatID: "C123", userID: "U123", promptExcerpt: "what time is it"),
            state: .queued, startedAt: startedAt, elapsedSeconds: 1, processes: 0),
    ])
    static let rateLimitsAnswer = RateLimitsResponse(rateLimits: [
        RateLimitInfo(platform: .telegram, userID: "42", username: "ana", used: 10, limit: 10, windowSeconds: 60,
                      resetInSeconds: 17, rejected: 2),
    ])
    static let deniedRecord = DeniedRecord(
        id: "d1", at: startedAt, lastAt: startedAt.addingTimeInterval(45), platform: .telegram, userID: "66",
        username: "mallory", chatID: "66", reason: .notAllowed, excerpt: "rm -rf /", count: 5)
    static let reloadAnswer = ReloadResponse(
        telegram: TelegramAllowlistSummary(size: 3, source: .file),
        slack: SlackAllowlistSummary(size: 0, allowAll: true, source: .file))

    static let historyEntry = JobHistoryEntry(
        origin: JobOrigin(
            id: "j0", platform: .telegram, chatID: "-1001234567890", userID: "9007199254740993", username: "ana",
            promptExcerpt: "fix the tests"),
        startedAt: startedAt, endedAt: startedAt.addingTimeInterval(42), outcome: .ok, exitCode: 0, costUSD: 0.0123,
        toolsUsed: ["Read", "Bash"])
    /// `j1`'s page: claude with one child, a tool call and an approval.
    static let jobDetailAnswer = JobDetail(
        job: jobsAnswer.jobs[0], prompt: "list files\nin every folder",
        timeoutAt: startedAt.addingTimeInterval(1800), tree: [
            JobProcessInfo(pid: 777, ppid: 4242, state: "S", cpuPercent: nil, rssBytes: 40_960, command: "claude -p"),
            JobProcessInfo(pid: 778, ppid: 777, state: "R", cpuPercent: 12.5, rssBytes: 4096, command: "ls -R /"),
        ],
        activity: [
            JobActivityInfo(at: startedAt, kind: .tool, summary: "Bash: ls -R /"),
            JobActivityInfo(at: startedAt.addingTimeInterval(1), kind: .approval, summary: "✅ Bash allowed by @ana"),
        ])
    static let metricsAnswer = "# TYPE claudio_up gauge\nclaudio_up 1.0\n"

    private var reloadFailure: AdminReloadError?
    private(set) var deniedLimits: [Int] = []
    private(set) var historyLimits: [Int] = []

    init(reloadFailure: AdminReloadError? = nil) {
        self.reloadFailure = reloadFailure
    }

    func status() -> StatusResponse { Self.statusAnswer }

    func jobs() -> JobsResponse { Self.jobsAnswer }

    func job(id: String) -> JobDetail? {
        id == "j1" ? Self.jobDetailAnswer : nil
    }

    func kill(jobID: String) -> KillResponse? {
        jobID == "j1" ? KillResponse(id: "j1", processes: 3) : nil
    }

    func rateLimits() -> RateLimitsResponse { Self.rateLimitsAnswer }

    func denied(limit: Int) -> DeniedResponse {
        deniedLimits.append(limit)
        return DeniedResponse(denied: [Self.deniedRecord])
    }

    func history(limit: Int) -> HistoryResponse {
        historyLimits.append(limit)
        return HistoryResponse(jobs: [Self.historyEntry])
    }

    func metrics() -> String { Self.metricsAnswer }

    func reload() throws -> ReloadResponse {
        if let reloadFailure { throw reloadFailure }
        return Self.reloadAnswer
    }
}
