import Foundation
import Shared

/// Draws a ``ConsoleScreen`` as lines: the dashboard of SPEC §7 when the daemon answers, a full-screen message when
/// it does not (or before its first answer, or when the terminal is too small), the help over the panels when open.
struct ScreenRenderer {
    let screen: ConsoleScreen
    let now: Date
    let timeZone: TimeZone

    var width: Int { screen.size.columns }
    var height: Int { screen.size.rows }
    var state: ConsoleState { screen.state }

    func lines() -> [ScreenLine] {
        guard width > 0, height > 0 else { return [] }
        guard screen.size.isUsable else { return tooSmall() }
        var lines: [ScreenLine]
        switch screen.daemon {
        case .connecting:
            lines = [ScreenLine(" Claudio console", .bold)]
                + message([ScreenLine("Connecting to the Claudio daemon at \(screen.socketPath)…")])
        case .unreachable(let reason):
            lines = [ScreenLine(" Claudio console", .bold)] + unreachable(reason: reason)
        case .reachable(let snapshot):
            lines = screen.pageView.map { jobPage($0, snapshot: snapshot) } ?? dashboard(snapshot)
        }
        if state.showsHelp { lines = [lines[0]] + help() }
        lines.append(footer())
        lines.append(statusLine())
        return lines.map { $0.fitted(to: width) }
    }

    /// Lines between the header and the footer.
    var bodyHeight: Int { height - ScreenLayout.fixedLines }

    // MARK: Dashboard

    private func dashboard(_ snapshot: SnapshotResponse) -> [ScreenLine] {
        let layout = screen.layout
        var lines = [header(snapshot.status, jobs: snapshot.jobs, waiting: snapshot.approvals.count)]
        lines += snapshot.notices.prefix(layout.noticeLines)
        for panel in screen.shownPanels {
            var table = PanelTable.make(panel, snapshot: snapshot, now: now, timeZone: timeZone)
            // The filter decides which rows, as matched at the snapshot's time; they are drawn at `now`.
            if let filtered = state.filter(of: panel).flatMap({ _ in screen.table(of: panel) }) {
                table = table.selecting(filtered.sourceIndices)
                table.emptyNote = filtered.emptyNote
            }
            lines += panelLines(panel, table: table, visibleRows: layout.visibleRows(of: panel))
        }
        lines += Array(repeating: ScreenLine(), count: layout.fillerLines)
        return lines
    }

    /// A job's page instead of the panels: its title line and as much of its body as fits, from its scroll offset.
    private func jobPage(_ view: JobPageView, snapshot: SnapshotResponse) -> [ScreenLine] {
        var lines = [header(snapshot.status, jobs: snapshot.jobs, waiting: snapshot.approvals.count)]
        let page = JobPageView(page: view.page, snapshot: snapshot, width: width, now: now, timeZone: timeZone)
        let body = page.body()
        let visible = screen.pageBodyHeight
        let offset = min(view.page.offset, max(0, body.count - visible))
        lines.append(page.title(offset: offset, visible: visible, total: body.count))
        lines += body.dropFirst(offset).prefix(visible)
        lines += Array(repeating: ScreenLine(), count: max(0, height - ScreenLayout.fixedLines + 1 - lines.count))
        return lines
    }

    /// "Claudio 0.1.0  pid 4242  up 3m05s  ● telegram  ○ slack  jobs 1/3 +2 queued  🔐 1 waiting".
    private func header(_ status: StatusResponse, jobs: [JobInfo], waiting: Int) -> ScreenLine {
        var line = ScreenLine(" Claudio \(status.version)", .bold)
        line.append("  pid \(status.pid)  up \(TimeText.duration(seconds: Double(status.uptimeSeconds)))  ")
        for channel in status.channels {
            let (glyph, style) = Self.indicator(for: channel)
            line.append(glyph, style)
            line.append(" \(channel.name.rawValue)  ")
        }
        let running = jobs.count { $0.state.isRunning }
        let queued = jobs.count - running
        line.append("jobs \(running)/\(status.limits.maxConcurrentJobs)", .bold)
        if queued > 0 { line.append(" +\(queued) queued") }
        if waiting > 0 { line.append("  🔐 \(waiting) waiting", .warning) }
        return line
    }

    /// ● connected, ○ disabled, ✖ failed, ◌ enabled and still connecting.
    static func indicator(for channel: ChannelStatus) -> (String, TextStyle) {
        if !channel.enabled { return ("○", .dim) }
        if channel.connected { return ("●", .ok) }
        return channel.lastError == nil ? ("◌", .warning) : ("✖", .error)
    }

    // MARK: Footer and status line

    /// The keys that work now, one priority each: when the line is too narrow the least needed go first, so
    /// "? help" and "q quit" always stay.
    private func footer() -> ScreenLine {
        let keys: [(key: String, label: String, priority: Int)]
        switch screen.daemon {
        case .reachable(let snapshot):
            if let page = state.page {
                let waiting = snapshot.approvals.contains { $0.jobID == page.jobID }
                keys = [("Esc", "back", 0), ("↑↓", "scroll", 3)] + (page.ended ? [] : [("k", "kill", 1)])
                    + (waiting ? [("a/d", "allow/deny", 1)] : []) + [("?", "help", 0), ("q", "quit", 0)]
            } else if state.editingFilter {
                keys = [("Enter", "keep filter", 0), ("Esc", "clear filter", 0), ("⌫", "delete", 1)]
            } else {
                keys = (snapshot.approvals.isEmpty ? [] : [("a/d", "allow/deny", 1)])
                    + [("↑↓", "move", 2), ("PgUp/PgDn", "page", 6), ("Tab", "panel", 2), ("Enter", "job", 3),
                       ("/", "filter", 4), ("k", "kill", 3), ("r", "reload", 5), ("?", "help", 0), ("q", "quit", 0)]
            }
        case .connecting, .unreachable:
            keys = [("?", "help", 0), ("q", "quit", 0)]
        }
        var shown = keys
        func line() -> ScreenLine {
            var line = ScreenLine()
            for (key, label, _) in shown {
                line.append(" \(key)", .bold)
                line.append(" \(label) ", .dim)
            }
            return line
        }
        while line().width > width, let least = shown.indices.max(by: { shown[$0].priority < shown[$1].priority }),
            shown[least].priority > 0
        {
            shown.remove(at: least)
        }
        return line()
    }

    private func statusLine() -> ScreenLine {
        if let prompt = state.prompt { return ScreenLine(" " + prompt.question, .warning) }
        guard let status = state.status else { return ScreenLine() }
        let style: TextStyle =
            switch status.tone {
            case .info: .normal
            case .success: .ok
            case .failure: .error
            }
        return ScreenLine(" " + ColumnText.printable(status.text), style)
    }
}
