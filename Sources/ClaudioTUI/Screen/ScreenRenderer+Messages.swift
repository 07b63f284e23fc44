extension ScreenRenderer {
    /// The full screen shown while the daemon does not answer; it stays until a poll succeeds.
    func unreachable(reason: String) -> [ScreenLine] {
        message([
            ScreenLine("✖ Claudio daemon not reachable at \(screen.socketPath) — retrying…", .error),
            ScreenLine(),
            ScreenLine(ColumnText.printable(reason)),
            ScreenLine(),
            ScreenLine(
                "Trying again every \(TimeText.interval(screen.pollInterval)). Is `claudio run` running? "
                    + "Pass --socket PATH if it uses another socket.", .dim),
        ])
    }

    /// `paragraphs` wrapped to the screen and centred in the body, padded to the body's height.
    func message(_ paragraphs: [ScreenLine]) -> [ScreenLine] {
        let textWidth = max(1, width - 4)
        var wrapped: [ScreenLine] = []
        for paragraph in paragraphs {
            let style = paragraph.segments.first?.style ?? .normal
            if paragraph.text.isEmpty {
                wrapped.append(ScreenLine())
                continue
            }
            for piece in ColumnText.wrapped(paragraph.text, to: textWidth) {
                let indent = String(repeating: " ", count: max(0, (width - DisplayWidth.of(piece)) / 2))
                wrapped.append(ScreenLine([StyledSegment(indent), StyledSegment(piece, style)]))
            }
        }
        let shown = Array(wrapped.prefix(bodyHeight))
        let above = (bodyHeight - shown.count) / 2
        return Array(repeating: ScreenLine(), count: above) + shown
            + Array(repeating: ScreenLine(), count: bodyHeight - shown.count - above)
    }

    /// A terminal below ``TerminalSize/minimum`` gets one request, centred.
    func tooSmall() -> [ScreenLine] {
        let request = "Terminal too small (\(screen.size)): the Claudio console needs at least "
            + "\(TerminalSize.minimum). Press q to quit."
        let pieces = ColumnText.wrapped(request, to: width).prefix(height)
        let above = (height - pieces.count) / 2
        var lines = Array(repeating: ScreenLine(), count: above)
        lines += pieces.map { ScreenLine($0, .warning) }
        lines += Array(repeating: ScreenLine(), count: height - lines.count)
        return lines.map { $0.fitted(to: width) }
    }

    /// The key reference in a box in the middle of the body.
    func help() -> [ScreenLine] {
        let entries: [(String, String)] = [
            ("↑ ↓", "move the selection (on a job's page: scroll)"),
            ("PgUp PgDn", "move a page"),
            ("Home End", "first / last row"),
            ("Tab Shift-Tab", "next / previous panel"),
            ("Enter", "open the selected job's page (Jobs, Approvals)"),
            ("/", "filter the focused panel as you type; Enter keeps it"),
            ("Esc", "clear the filter; leave a job's page"),
            ("k F9", "kill the selected job (asks y/n)"),
            ("a / d", "allow / deny the selected tool request (asks y/n)"),
            ("r", "reload the allowlists from the env file"),
            ("? F1", "show / hide this help"),
            ("q F10", "quit (Ctrl-C too)"),
            ("Ctrl-L", "repaint the screen"),
        ]
        // Lines of at most 68 columns, the box's width; the first ones matter most on a short screen.
        let notes = [
            "Socket: \(screen.socketPath)",
            "Polled every \(TimeText.interval(screen.pollInterval)). Press any key to close.",
            "Panels: approvals (tool requests waiting), jobs (CPU %, RSS),",
            "rate limits (with each user's cost today), denied attempts, locks,",
            "history (the last finished jobs: user, outcome, duration, cost).",
            "A job's page: who, where, time left, process tree, last 20 events.",
        ]
        let inner = min(width - 6, 70)
        var content = [ScreenLine(" Claudio console — keys", .bold)]
        for (keys, meaning) in entries {
            var line = ScreenLine(" " + ColumnText.fitted(keys, to: 15), .bold)
            line.append(meaning)
            content.append(line)
        }
        content.append(ScreenLine())
        content += notes.map { ScreenLine(" " + $0, .dim) }

        let left = String(repeating: " ", count: max(0, (width - inner - 2) / 2))
        var box = [ScreenLine(left + "┌" + String(repeating: "─", count: inner) + "┐")]
        for line in content.prefix(max(0, bodyHeight - 2)) {
            var row = ScreenLine(left + "│")
            row.segments += line.fitted(to: inner).segments
            row.append("│")
            box.append(row)
        }
        box.append(ScreenLine(left + "└" + String(repeating: "─", count: inner) + "┘"))
        let above = max(0, (bodyHeight - box.count) / 2)
        let shown = Array(box.prefix(bodyHeight - above))
        return Array(repeating: ScreenLine(), count: above) + shown
            + Array(repeating: ScreenLine(), count: bodyHeight - above - shown.count)
    }
}
