import Foundation
import Shared

/// A job's page below the header (SPEC §17): a title line, then a body of the facts (user, chat, state, PID, started,
/// elapsed, time left, sandboxed, cost so far), the whole prompt, the process tree like htop's tree view and the
/// activity, newest last. Once the job has ended the body opens with how it ended. The body scrolls when it is
/// taller than the screen.
struct JobPageView {
    let page: JobPage
    let snapshot: SnapshotResponse?
    let width: Int
    let now: Date
    let timeZone: TimeZone

    /// Label and value of one fact take this many columns; as many fit side by side as the width allows.
    static let factWidth = 38
    static let labelWidth = 12

    /// The ended job's History row, once the daemon has written it.
    var ending: JobHistoryEntry? {
        guard page.ended else { return nil }
        return snapshot?.history.first { $0.id == page.jobID }
    }

    // MARK: Title

    /// "── Job k3f9-1 · @alice · running ───── 1–20 of 45 ── Esc back ──".
    func title(offset: Int, visible: Int, total: Int) -> ScreenLine {
        var name = "Job \(page.jobID)"
        if let detail = page.detail { name += " · " + PanelTable.user(detail.username, detail.userID) }
        name += " · " + stateText
        var line = ScreenLine("──", .dim)
        line.append(" \(ColumnText.printable(name)) ", .selected)
        let range = total > visible ? " \(offset + 1)–\(min(total, offset + visible)) of \(total) " : ""
        // On a narrow screen the footer's "Esc back" is enough.
        let roomy = line.width + DisplayWidth.of(range) + 16 <= width
        let back = roomy ? " Esc back " : ""
        let rule = max(1, width - line.width - DisplayWidth.of(range) - DisplayWidth.of(back) - (back.isEmpty ? 2 : 4))
        line.append(String(repeating: "─", count: rule), .dim)
        if !range.isEmpty { line.append(range, .dim) }
        line.append("──", .dim)
        if !back.isEmpty {
            line.append(back, .dim)
            line.append("──", .dim)
        }
        return line
    }

    private var stateText: String {
        guard page.ended else { return page.detail?.state.rawValue ?? "loading" }
        return ending.map { "ended (\($0.outcome.rawValue))" } ?? "ended"
    }

    // MARK: Body

    func body() -> [ScreenLine] {
        var lines: [ScreenLine] = []
        if page.ended {
            lines.append(endedBanner())
            lines.append(ScreenLine())
        }
        guard let detail = page.detail else {
            if !page.ended { lines.append(ScreenLine("   Loading job \(page.jobID)…", .dim)) }
            return lines
        }
        lines += facts(detail)
        lines.append(ScreenLine())
        lines += prompt(detail.prompt)
        lines.append(ScreenLine())
        lines += processes(detail)
        lines.append(ScreenLine())
        lines += activity(detail.activity)
        return lines
    }

    /// "■ Ended: killed after 1m05s · cost $0.0123 — Esc returns to the dashboard".
    private func endedBanner() -> ScreenLine {
        guard let ending else {
            return ScreenLine(" ■ The job has ended; how shows as soon as the daemon's history has it.", .warning)
        }
        var text = " ■ Ended: \(ending.outcome.rawValue) after \(TimeText.duration(seconds: ending.durationSeconds))"
        if let cost = ending.costUSD { text += " · cost \(DollarText.cost(cost))" }
        if let code = ending.exitCode, code != 0 { text += " · exit code \(code)" }
        return ScreenLine(text + " — Esc returns to the dashboard", ending.outcome == .ok ? .ok : .warning)
    }

    private func facts(_ detail: JobDetail) -> [ScreenLine] {
        let ending = self.ending
        let timeLeft = page.ended ? nil : detail.timeoutAt.map { max(0, $0.timeIntervalSince(now)) }
        let facts: [(String, String)] = [
            ("User", detail.username.map { "@\($0) (\(detail.userID))" } ?? detail.userID),
            ("Chat", "\(detail.chatID) (\(detail.platform.rawValue))"),
            ("State", stateText),
            ("PID", detail.pid.map(String.init) ?? "-"),
            ("Started", TimeText.clock(detail.startedAt, now: now, timeZone: timeZone)),
            ("Elapsed", TimeText.duration(seconds: ending?.durationSeconds ?? detail.elapsedSeconds)),
            ("Time left", timeLeft.map { TimeText.duration(seconds: $0) } ?? "-"),
            ("Sandboxed", detail.sandboxed ? "yes" : "no"),
            ("Cost so far", (ending?.costUSD ?? detail.costUSD).map(DollarText.cost) ?? "-"),
        ]
        let perLine = max(1, (width - 1) / Self.factWidth)
        let valueWidth = max(1, min(width - 2, Self.factWidth) - Self.labelWidth - 1)
        var lines: [ScreenLine] = []
        for start in stride(from: 0, to: facts.count, by: perLine) {
            var line = ScreenLine(" ")
            for (label, value) in facts[start..<min(facts.count, start + perLine)] {
                line.append(ColumnText.fitted(label, to: Self.labelWidth), .dim)
                line.append(ColumnText.fitted(ColumnText.printable(value), to: valueWidth) + " ")
            }
            lines.append(line)
        }
        return lines
    }

    /// The whole prompt, its own line breaks kept, wrapped to the screen.
    private func prompt(_ prompt: String) -> [ScreenLine] {
        var lines = [ScreenLine(" Prompt", .bold)]
        for paragraph in prompt.split(separator: "\n", omittingEmptySubsequences: false) {
            let text = ColumnText.printable(String(paragraph))
            for piece in ColumnText.wrapped(text, to: max(1, width - 4)) {
                lines.append(ScreenLine("   " + piece))
            }
        }
        return lines
    }

    static let processColumns = [
        TableColumn("PID", width: 7, alignment: .right), TableColumn("PPID", width: 7, alignment: .right),
        TableColumn("S", width: 1), TableColumn("CPU%", width: 5, alignment: .right),
        TableColumn("RSS", width: 5, alignment: .right), TableColumn("COMMAND", width: 12, growth: 1),
    ]

    /// "── Processes (4) · CPU 1.5% · RSS 12.3M ──", the column headings and one row per process in tree order.
    private func processes(_ detail: JobDetail) -> [ScreenLine] {
        let tree = page.ended ? [] : detail.tree
        var summary: String?
        if !tree.isEmpty {
            let cpu = tree.compactMap(\.cpuPercent)
            summary = "CPU \(UsageText.cpu(cpu.isEmpty ? nil : cpu.reduce(0, +)))% · RSS "
                + UsageText.memory(bytes: tree.reduce(0) { $0 + $1.rssBytes })
        }
        var lines = [section("Processes (\(tree.count))", summary: summary)]
        guard !tree.isEmpty else {
            let note =
                page.ended ? "No processes left."
                : detail.state == .queued ? "Queued: nothing runs yet." : "Not sampled yet."
            lines.append(ScreenLine("   " + note, .dim))
            return lines
        }
        let columns = Self.processColumns
        let widths = TableColumn.widths(of: columns, fitting: width - 1)
        lines.append(ScreenLine(" " + ColumnText.row(columns.map(\.title), columns: columns, widths: widths), .bold))
        for row in ProcessTreeRows.rows(tree) {
            let process = row.process
            let cells = [
                String(process.pid), String(process.ppid), process.state, UsageText.cpu(process.cpuPercent),
                UsageText.memory(bytes: process.rssBytes), row.branch + process.command,
            ]
            let style: TextStyle = process.state == "Z" ? .dim : process.pid == detail.pid ? .bold : .normal
            lines.append(ScreenLine(" " + ColumnText.row(cells, columns: columns, widths: widths), style))
        }
        return lines
    }

    static let activityColumns = [
        TableColumn("TIME", width: 8), TableColumn("KIND", width: 8), TableColumn("WHAT", width: 12, growth: 1),
    ]

    /// "── Activity (5, newest last) ──" and one row per event.
    private func activity(_ events: [JobActivityInfo]) -> [ScreenLine] {
        var lines = [section("Activity (\(events.count)\(events.isEmpty ? "" : ", newest last"))", summary: nil)]
        guard !events.isEmpty else {
            lines.append(ScreenLine("   Nothing yet.", .dim))
            return lines
        }
        let columns = Self.activityColumns
        let widths = TableColumn.widths(of: columns, fitting: width - 1)
        for event in events {
            let cells = [TimeText.clock(event.at, now: now, timeZone: timeZone), event.kind.rawValue, event.summary]
            let style: TextStyle = event.kind == .approval ? .warning : .normal
            lines.append(ScreenLine(" " + ColumnText.row(cells, columns: columns, widths: widths), style))
        }
        return lines
    }

    /// "── Processes (4) · CPU 1.5% · RSS 12.3M ─────…".
    private func section(_ title: String, summary: String?) -> ScreenLine {
        var line = ScreenLine("──", .dim)
        line.append(" \(title) ", .bold)
        if let summary { line.append("· \(summary) ", .dim) }
        line.append(String(repeating: "─", count: max(1, width - line.width)), .dim)
        return line
    }
}
