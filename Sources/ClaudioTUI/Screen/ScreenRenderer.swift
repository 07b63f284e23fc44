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
            lines = dashboard(snapshot)
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
            let table = PanelTable.make(panel, snapshot: snapshot, now: now, timeZone: timeZone)
            lines += panelLines(panel, table: table, visibleRows: layout.visibleRows(of: panel))
        }
        lines += Array(repeating: ScreenLine(), count: layout.fillerLines)
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

    private func footer() -> ScreenLine {
        let keys: [(String, String)] =
            switch screen.daemon {
            case .reachable:
                (screen.daemon.snapshot?.approvals.isEmpty ?? true ? [] : [("a/d", "allow/deny")])
                    + [("↑↓", "move"), ("PgUp/PgDn", "page"), ("Tab", "panel"), ("k", "kill"), ("r", "reload"),
                       ("?", "help"), ("q", "quit")]
            case .connecting, .unreachable:
                [("?", "help"), ("q", "quit")]
            }
        var line = ScreenLine()
        for (key, label) in keys {
            line.append(" \(key)", .bold)
            line.append(" \(label) ", .dim)
        }
        return line
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
