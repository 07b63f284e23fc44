extension ScreenRenderer {
    /// A panel: its title line (with the rows shown when the list is longer than the panel), the column headings and
    /// `visibleRows` rows from the panel's scroll offset.
    func panelLines(_ panel: Panel, table: PanelTable, visibleRows: Int) -> [ScreenLine] {
        let focused = state.focus == panel
        let cursor = state.cursor(of: panel)
        let widths = TableColumn.widths(of: table.columns, fitting: width - 1)
        // The snapshot carries only the most used rate-limit rows; the title counts every user (unless filtered).
        let filtering = state.filter(of: panel) != nil || (focused && state.editingFilter)
        let total = panel == .rateLimits && !filtering
            ? max(table.rows.count, screen.daemon.snapshot?.rateLimitsTotal ?? 0) : table.rows.count
        var lines = [titleLine(panel, focused: focused, count: total, offset: cursor.offset,
                               visibleRows: visibleRows)]
        lines.append(ScreenLine(" " + ColumnText.row(table.columns.map(\.title), columns: table.columns, widths: widths), .bold))
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
            let text = " " + ColumnText.row(row.cells, columns: table.columns, widths: widths)
            if focused && index == cursor.selected {
                lines.append(ScreenLine(text, .selected).fitted(to: width, fill: .selected))
            } else {
                lines.append(ScreenLine(text, row.style))
            }
        }
        return lines
    }

    /// "── Jobs (12) ─────────── 4–9 of 12 ──", the title highlighted when the panel has the focus; with a filter,
    /// "── Denied attempts (2 of 12) / mallory ───…".
    private func titleLine(_ panel: Panel, focused: Bool, count: Int, offset: Int, visibleRows: Int) -> ScreenLine {
        var line = ScreenLine("──", .dim)
        let filter = state.filters[panel] ?? ""
        let editing = focused && state.editingFilter
        let unfiltered = screen.unfilteredRowCount(of: panel)
        let counted = filter.isEmpty && !editing ? "\(count)" : "\(count) of \(max(count, unfiltered))"
        line.append(" \(panel.title) (\(counted)) ", focused ? .selected : .bold)
        if !filter.isEmpty || editing {
            line.append("/ \(ColumnText.printable(filter))\(editing ? "▏" : "") ", .warning)
        }
        let range = count > visibleRows ? " \(offset + 1)–\(min(count, offset + visibleRows)) of \(count) " : ""
        let rule = max(1, width - line.width - DisplayWidth.of(range) - 2)
        line.append(String(repeating: "─", count: rule), .dim)
        if !range.isEmpty { line.append(range, .dim) }
        line.append("──", .dim)
        return line
    }
}
