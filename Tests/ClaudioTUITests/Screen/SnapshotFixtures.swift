import Foundation
import Shared

@testable import ClaudioTUI

/// Snapshots and screens for the screen-model tests, with fixed times so rendered clocks are predictable (UTC).
enum SnapshotFixtures {
    static let now = Date(timeIntervalSince1970: 1_750_000_000)  // 2025-06-15 15:06:40 UTC
    static let utc = TimeZone(identifier: "UTC")!
    static let socketPath = "/run/user/1000/claudio/admin.sock"

    static func status(
        channels: [ChannelStatus] = [
            ChannelStatus(name: .telegram, enabled: true, connected: true, allowlistSize: 2),
            ChannelStatus(name: .slack, enabled: false, connected: false, allowlistSize: 0),
        ],
        locks: [LockStatus]? = nil
    ) -> StatusResponse {
        StatusResponse(
            version: "0.1.0", pid: 4242, startedAt: now.addingTimeInterval(-185), uptimeSeconds: 185,
            channels: channels,
            locks: locks ?? [
                LockStatus(
                    channel: .telegram, path: "/tmp/telegram_claude_bot.lock", held: true, holderPID: 4242,
                    since: now.addingTimeInterval(-185))
            ],
            limits: LimitsInfo(
                rateLimitRequests: 10, rateLimitWindow: 60, commandTimeout: 1800, maxInputLength: 10000,
                maxConcurrentJobs: 3),
            skipPermissions: true, allowedTools: "*",
            claudeCLI: ClaudeCLIStatus(path: "/usr/local/bin/claude", version: "2.0.0 (Claude Code)"),
            sandbox: SandboxStatus(mode: .bwrap))
    }

    static func job(_ number: Int, prompt: String = "fix the build", username: String? = "alice",
                    state: JobRunState = .running) -> JobInfo {
        JobInfo(
            origin: JobOrigin(
                id: "k3f9-\(number)", platform: .telegram, chatID: "100", userID: "\(1000 + number)",
                username: username, promptExcerpt: prompt),
            state: state, pid: state == .running ? 5000 + number : nil, startedAt: now.addingTimeInterval(-65),
            elapsedSeconds: 65, processes: 3)
    }

    static func denied(_ number: Int) -> DeniedRecord {
        DeniedRecord(
            id: "d\(number)", at: now.addingTimeInterval(-600), lastAt: now.addingTimeInterval(-60),
            platform: .telegram,
            userID: "66\(number)", username: "mallory\(number)", chatID: "66\(number)", reason: .notAllowed,
            excerpt: "let me in", count: number)
    }

    /// A job that ended a minute before `now` after 2m05s, costing $0.0123.
    static func finished(_ number: Int, outcome: JobOutcomeKind = .ok, username: String = "bob") -> JobHistoryEntry {
        JobHistoryEntry(
            origin: JobOrigin(
                id: "h\(number)", platform: .telegram, chatID: "200", userID: "\(2000 + number)", username: username,
                promptExcerpt: "summarise the logs"),
            startedAt: now.addingTimeInterval(-185), endedAt: now.addingTimeInterval(-60), outcome: outcome,
            exitCode: outcome == .ok ? 0 : nil, costUSD: 0.0123, toolsUsed: ["Read"])
    }

    /// The page of `job(number)`: claude with a shell under it running a sleep, an orphan the daemon adopted, and a
    /// tool call, a text and an approval; 1m05s in, 28m55s left.
    static func detail(
        _ number: Int = 1, prompt: String = "fix the build\nthen run the tests", username: String? = "alice",
        commands: [String] = ["claude -p --output-format stream-json", "sh -c make test", "sleep 1000", "sleep 30"]
    ) -> JobDetail {
        var row = job(number, prompt: prompt, username: username)
        row.processes = 4
        row.cpuPercent = 12.5
        row.rssBytes = 50 << 20
        let claude = 5000 + number
        return JobDetail(
            job: row, prompt: prompt, timeoutAt: now.addingTimeInterval(1735), costUSD: nil,
            tree: [
                JobProcessInfo(pid: claude, ppid: 4242, state: "S", cpuPercent: 2.5, rssBytes: 48 << 20, command: commands[0]),
                JobProcessInfo(pid: claude + 1, ppid: claude, state: "S", cpuPercent: 0, rssBytes: 1 << 20, command: commands[1]),
                JobProcessInfo(pid: claude + 2, ppid: claude + 1, state: "R", cpuPercent: 10, rssBytes: 512 << 10, command: commands[2]),
                JobProcessInfo(pid: claude + 3, ppid: 4242, state: "S", cpuPercent: nil, rssBytes: 512 << 10, command: commands[3]),
            ],
            activity: [
                JobActivityInfo(at: now.addingTimeInterval(-60), kind: .tool, summary: "Bash: make test"),
                JobActivityInfo(at: now.addingTimeInterval(-50), kind: .text, summary: "The build fails in one place."),
                JobActivityInfo(at: now.addingTimeInterval(-40), kind: .approval, summary: "🔐 Bash asked: rm -rf build"),
            ])
    }

    static func snapshot(
        jobs: [JobInfo] = [], rateLimits: [RateLimitInfo] = [], denied: [DeniedRecord] = [],
        history: [JobHistoryEntry] = [], approvals: [ApprovalInfo] = [], status: StatusResponse = status()
    ) -> SnapshotResponse {
        SnapshotResponse(
            status: status, jobs: jobs, rateLimits: rateLimits, denied: denied, approvals: approvals, history: history)
    }

    /// A Bash request of job `k3f9-<number>`, asked 20 s before `now`, expiring in 4m40s.
    static func approval(_ number: Int, summary: String = "rm -rf build") -> ApprovalInfo {
        ApprovalInfo(
            id: "a\(number)0000000000000000000000000000000".prefix(32).description, jobID: "k3f9-\(number)",
            platform: .telegram, chatID: "100", userID: "\(1000 + number)", username: "alice", tool: "Bash",
            summary: summary, askedAt: now.addingTimeInterval(-20), expiresAt: now.addingTimeInterval(280))
    }

    static func screen(
        _ snapshot: SnapshotResponse?, columns: Int = 80, rows: Int = 24
    ) -> ConsoleScreen {
        var screen = ConsoleScreen(
            socketPath: socketPath, pollInterval: .seconds(1), size: TerminalSize(columns: columns, rows: rows),
            timeZone: utc)
        if let snapshot { screen.receive(snapshot, at: now) }
        return screen
    }
}

extension ConsoleScreen {
    /// The screen drawn at the fixtures' time in UTC.
    var rendered: [ScreenLine] { lines(now: SnapshotFixtures.now, timeZone: SnapshotFixtures.utc) }

    /// The drawn text, one string per line.
    var renderedText: [String] { rendered.map(\.text) }

    /// Presses `keys` in order and returns what the last one asked for.
    @discardableResult
    mutating func press(_ keys: KeyPress...) -> ConsoleAction? {
        var action: ConsoleAction?
        for key in keys { action = handle(key) }
        return action
    }

    /// Presses `key` `count` times.
    mutating func press(_ key: KeyPress, times count: Int) {
        for _ in 0..<count { _ = handle(key) }
    }

    /// The line drawn on the status line (the last one).
    var statusLineText: String { renderedText.last ?? "" }
}

extension [ScreenLine] {
    /// The rows highlighted across the whole width: the focused panel's selection.
    var selectedRows: [String] {
        filter { line in !line.segments.isEmpty && line.styleByColumn.allSatisfy { $0 == .selected } }.map(\.text)
    }
}
