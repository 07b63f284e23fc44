import Foundation
import Shared

/// Wire values with every optional field empty, so the shape tests also prove that absent values are `null`, not
/// missing keys.
enum AdminAPISamples {
    static let startedAt = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z

    static let channel = ChannelStatus(name: .slack, enabled: true, connected: false, allowlistSize: 0, allowAll: true)
    static let lock = LockStatus(channel: .telegram, path: "/tmp/telegram_claude_bot.lock", held: false)
    static let limits = LimitsInfo(
        rateLimitRequests: 10, rateLimitWindow: 60, commandTimeout: 1800, maxInputLength: 10000, maxConcurrentJobs: 3)
    static let claudeCLI = ClaudeCLIStatus(path: nil, version: nil)
    static let status = StatusResponse(
        version: "1.0.0", pid: 4242, startedAt: startedAt, uptimeSeconds: 90, channels: [channel], locks: [lock],
        limits: limits, skipPermissions: true, allowedTools: "*", claudeCLI: claudeCLI,
        sandbox: SandboxStatus(mode: .off, reason: "JOB_SANDBOX=off"))
    static let job = JobInfo(
        origin: JobOrigin(
            id: "j1", platform: .telegram, chatID: "-1001234567890123", userID: "9007199254740993",
            promptExcerpt: "list files"),
        state: .queued, startedAt: startedAt, elapsedSeconds: 0, processes: 0)
    /// A running job's page: one process not yet sampled twice (CPU unknown), one that was.
    static let jobDetail = JobDetail(
        job: JobInfo(
            origin: job.origin, state: .running, pid: 501, startedAt: startedAt, elapsedSeconds: 5, processes: 2,
            cpuPercent: 12.5, rssBytes: 8192),
        prompt: "list files\nand count them", timeoutAt: startedAt.addingTimeInterval(1800),
        tree: [
            JobProcessInfo(pid: 501, ppid: 1, state: "S", cpuPercent: nil, rssBytes: 4096, command: "claude -p"),
            JobProcessInfo(pid: 502, ppid: 501, state: "R", cpuPercent: 12.5, rssBytes: 4096, command: "ls -R"),
        ],
        activity: [JobActivityInfo(at: startedAt, kind: .tool, summary: "Bash: ls -R")])
    static let rateLimit = RateLimitInfo(
        platform: .slack, userID: "U123", used: 3, limit: 10, windowSeconds: 60, resetInSeconds: 42, rejected: 0)
    static let denied = DeniedRecord(
        id: "d1", at: startedAt, lastAt: startedAt.addingTimeInterval(30), platform: .telegram, userID: "77",
        chatID: "77", reason: .notAllowed, excerpt: "hello", count: 2)
    static let reload = ReloadResponse(
        telegram: TelegramAllowlistSummary(size: 3, source: .file),
        slack: SlackAllowlistSummary(size: 0, allowAll: true, source: .environment))
    static let history = JobHistoryEntry(
        origin: JobOrigin(id: "j0", platform: .slack, chatID: "C1", userID: "U123", promptExcerpt: "refactor"),
        startedAt: startedAt, endedAt: startedAt.addingTimeInterval(42), outcome: .timeout,
        toolsUsed: ["Read", "Bash", "Edit"])
    static let snapshot = SnapshotResponse(
        status: status, jobs: [job], rateLimits: [rateLimit], denied: [denied], history: [history])
}
