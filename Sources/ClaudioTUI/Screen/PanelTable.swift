import Foundation
import Shared

/// A panel's contents as a table: the columns of SPEC §7 and §17 and a row per job, request, user, denied record,
/// finished job or lock.
public struct PanelTable: Sendable, Hashable {
    public var columns: [TableColumn]
    public var rows: [PanelRow]
    /// Shown in place of rows when there are none.
    public var emptyNote: String
    /// Each row's index in the list the table was made from: a filter keeps some rows, and a selection still names
    /// the job or request it stands for.
    public var sourceIndices: [Int]
    /// How many rows there were before a filter.
    public var unfilteredCount: Int

    public init(columns: [TableColumn], rows: [PanelRow], emptyNote: String) {
        self.columns = columns
        self.rows = rows
        self.emptyNote = emptyNote
        self.sourceIndices = Array(rows.indices)
        self.unfilteredCount = rows.count
    }

    /// The rows `filter` keeps (all when it is nil); with none left, a note that says so.
    public func filtered(by filter: String?) -> PanelTable {
        guard let filter, !filter.isEmpty else { return self }
        let kept = rows.indices.filter { PanelFilter.matches(rows[$0], filter: filter) }
        var table = selecting(kept)
        table.emptyNote = "No rows match \"\(filter)\" (Esc clears the filter)."
        return table
    }

    /// The rows at `positions` (indices into this table's rows), in that order.
    public func selecting(_ positions: [Int]) -> PanelTable {
        var table = self
        let valid = positions.filter { rows.indices.contains($0) }
        table.rows = valid.map { rows[$0] }
        table.sourceIndices = valid.map { sourceIndices[$0] }
        return table
    }

    /// The table of `panel` for `snapshot`; times are shown in `timeZone`, relative to `now`.
    public static func make(_ panel: Panel, snapshot: SnapshotResponse, now: Date, timeZone: TimeZone) -> PanelTable {
        switch panel {
        case .approvals: approvals(snapshot.approvals, now: now)
        case .jobs: jobs(snapshot.jobs)
        case .rateLimits: rateLimits(snapshot.rateLimits)
        case .denied: denied(snapshot.denied, now: now, timeZone: timeZone)
        case .history: history(snapshot.history, now: now, timeZone: timeZone)
        case .locks: locks(snapshot.status.locks, now: now, timeZone: timeZone)
        }
    }

    static func approvals(_ approvals: [ApprovalInfo], now: Date) -> PanelTable {
        let columns = [
            TableColumn("JOB", width: 9), TableColumn("USER", width: 12, growth: 1), TableColumn("TOOL", width: 10),
            TableColumn("EXPIRES", width: 7, alignment: .right), TableColumn("WANTS TO", width: 16, growth: 4),
        ]
        let rows = approvals.map { request in
            PanelRow(
                [
                    request.jobID, user(request.username, request.userID), request.tool,
                    TimeText.duration(seconds: max(0, request.expiresAt.timeIntervalSince(now))), request.summary,
                ],
                style: .warning)
        }
        return PanelTable(columns: columns, rows: rows, emptyNote: "No tool requests are waiting.")
    }

    static func jobs(_ jobs: [JobInfo]) -> PanelTable {
        let columns = [
            TableColumn("ID", width: 9), TableColumn("PLATFORM", width: 8), TableColumn("USER", width: 12, growth: 1),
            TableColumn("PID", width: 7, alignment: .right), TableColumn("ELAPSED", width: 7, alignment: .right),
            TableColumn("PROCS", width: 5, alignment: .right), TableColumn("CPU%", width: 5, alignment: .right),
            TableColumn("RSS", width: 5, alignment: .right), TableColumn("PROMPT", width: 12, growth: 3),
        ]
        let rows = jobs.map { job in
            let queued = job.state == .queued
            return PanelRow(
                [
                    job.id, job.platform.rawValue, user(job.username, job.userID),
                    queued ? "queued" : job.pid.map(String.init) ?? "-", TimeText.duration(seconds: job.elapsedSeconds),
                    queued ? "-" : String(job.processes), UsageText.cpu(job.cpuPercent),
                    UsageText.memory(bytes: job.rssBytes), job.promptExcerpt,
                ],
                style: queued ? .dim : .normal)
        }
        return PanelTable(columns: columns, rows: rows, emptyNote: "No jobs running or queued.")
    }

    static func rateLimits(_ limits: [RateLimitInfo]) -> PanelTable {
        let columns = [
            TableColumn("PLATFORM", width: 8), TableColumn("USER", width: 16, growth: 1, maximumWidth: 32),
            TableColumn("USED", width: 9, alignment: .right), TableColumn("RESETS IN", width: 9, alignment: .right),
            TableColumn("REJECTED", width: 8, alignment: .right),
            TableColumn("COST TODAY", width: 10, alignment: .right),
        ]
        let rows = limits.map { limit in
            PanelRow(
                [
                    limit.platform.rawValue, user(limit.username, limit.userID), "\(limit.used)/\(limit.limit)",
                    TimeText.duration(seconds: Double(limit.resetInSeconds)), String(limit.rejected),
                    DollarText.cost(limit.costTodayUSD),
                ],
                style: limit.used >= limit.limit ? .warning : .normal)
        }
        return PanelTable(columns: columns, rows: rows, emptyNote: "No prompts in the current window.")
    }

    static func denied(_ records: [DeniedRecord], now: Date, timeZone: TimeZone) -> PanelTable {
        let columns = [
            TableColumn("TIME", width: 11), TableColumn("PLATFORM", width: 8),
            TableColumn("USER ID", width: 11, growth: 1), TableColumn("USERNAME", width: 10, growth: 1),
            TableColumn("REASON", width: 11), TableColumn("COUNT", width: 5, alignment: .right),
            TableColumn("EXCERPT", width: 8, growth: 2),
        ]
        let rows = records.map { record in
            PanelRow([
                TimeText.clock(record.lastAt, now: now, timeZone: timeZone), record.platform.rawValue, record.userID,
                record.username.map { "@" + $0 } ?? "-", record.reason.rawValue, String(record.count), record.excerpt,
            ])
        }
        return PanelTable(columns: columns, rows: rows, emptyNote: "No denied attempts.")
    }

    static func history(_ entries: [JobHistoryEntry], now: Date, timeZone: TimeZone) -> PanelTable {
        let columns = [
            TableColumn("WHEN", width: 11), TableColumn("USER", width: 12, growth: 1, maximumWidth: 24),
            TableColumn("OUTCOME", width: 11), TableColumn("DURATION", width: 8, alignment: .right),
            TableColumn("COST", width: 7, alignment: .right), TableColumn("PROMPT", width: 12, growth: 3),
        ]
        let rows = entries.map { entry in
            PanelRow(
                [
                    TimeText.clock(entry.endedAt, now: now, timeZone: timeZone), user(entry.username, entry.userID),
                    entry.outcome.rawValue, TimeText.duration(seconds: entry.durationSeconds),
                    entry.costUSD.map(DollarText.cost) ?? "-", entry.promptExcerpt,
                ],
                style: entry.outcome == .ok ? .normal : .warning)
        }
        return PanelTable(columns: columns, rows: rows, emptyNote: "No finished jobs yet.")
    }

    static func locks(_ locks: [LockStatus], now: Date, timeZone: TimeZone) -> PanelTable {
        let columns = [
            TableColumn("CHANNEL", width: 8), TableColumn("PATH", width: 20, growth: 1, truncation: .head),
            TableColumn("HELD", width: 4), TableColumn("PID", width: 7, alignment: .right),
            TableColumn("SINCE", width: 11),
        ]
        let rows = locks.map { lock in
            PanelRow(
                [
                    lock.channel.rawValue, lock.path, lock.held ? "yes" : "no",
                    lock.holderPID.map(String.init) ?? "-",
                    lock.since.map { TimeText.clock($0, now: now, timeZone: timeZone) } ?? "-",
                ],
                style: lock.held ? .normal : .warning)
        }
        return PanelTable(columns: columns, rows: rows, emptyNote: "No channel enabled, so no locks.")
    }

    /// "@alice", or the user ID when the platform gave no username.
    static func user(_ username: String?, _ userID: String) -> String {
        username.map { "@" + $0 } ?? userID
    }
}
