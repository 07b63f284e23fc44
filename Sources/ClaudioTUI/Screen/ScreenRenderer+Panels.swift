extension ScreenRenderer {
    /// A panel: its title line (with the rows shown when the list is longer than the panel), the column headings and
    /// `visibleRows` rows from the panel's scroll offset.
    func panelLines(_ panel: Panel, table: PanelTable, visibleRows: Int) -> [ScreenLine] {
        let focused = state.focus == panel
        let cursor = state.cursor(of: panel)
        let widths = TableColumn.widths(of: table.columns, fitting: width - 1)
        // The snapshot carries only the most used rate-limit rows; the title counts every user.
        let total = panel == .rateLimits ? max(table.rows.count, screen.daemon.snapshot?.rateLimitsTotal ?? 0) : table.rows.count
        var lines = [titleLine(panel, focused: focused, count: total, offset: cursor.offset,
                               visibleRows: visibleRows)]
        lines.append(ScreenLine(" " + cells(table.columns.map(\.title), columns: table.columns, widths: widths), .bold))
        if table.rows.isEmpty {
            lines.append(ScreenLine("   " + table.emptyNote, .dim))
            lines += Array(repeating: ScreenLine(), count: max(0, visibleRows - 1))
            return lines
        }
        for index in cursor.offset..<(cursor.offset + visibleRows) {
            guard index < table.rows.count else {
                lines.append(ScreenLine())
                continue
            }
            let row = table.rows[index]
            let text = " " + cells(row.cells, columns: table.columns, widths: widths)
            if focused && index == cursor.selected {
                lines.append(ScreenLine(text, .selected).fitted(to: width, fill: .selected))
            } else {
                lines.append(ScreenLine(text, row.style))
            }
        }
        return lines
    }

    /// "── Jobs (12) ─────────── 4–9 of 12 ──", the title highlighted when the panel has the focus.
    private func titleLine(_ panel: Panel, focused: Bool, count: Int, offset: Int, visibleRows: Int) -> ScreenLine {
        var line = ScreenLine("──", .dim)
        line.append(" \(panel.title) (\(count)) ", focused ? .selected : .bold)
        let range = count > visibleRows ? " \(offset + 1)–\(min(count, offset + visibleRows)) of \(count) " : ""
        let rule = max(1, width - line.width - DisplayWidth.of(range) - 2)
        line.append(String(repeating: "─", count: rule), .dim)
        if !range.isEmpty { line.append(range, .dim) }
        line.append("──", .dim)
        return line
    }

    /// The cells of one row, each fitted to its column, one space apart; dropped columns (width 0) are left out.
    private func cells(_ values: [String], columns: [TableColumn], widths: [Int]) -> String {
        var parts: [String] = []
        for (index, column) in columns.enumerated() where widths[index] > 0 {
            let value = index < values.count ? ColumnText.printable(values[index]) : ""
            parts.append(
                ColumnText.fitted(value, to: widths[index], alignment: column.alignment, side: column.truncation))
        }
        return parts.joined(separator: " ")
    }
}
