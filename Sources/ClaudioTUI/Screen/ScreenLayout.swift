/// How the dashboard's rows are shared out: one header line, notices, the panels shown (a title line, a column
/// heading and their rows each), blank filler, the footer and the status line.
///
/// Every panel shows at least one row. The rest goes round-robin to the panels that have more rows to show, in the
/// order Approvals, Jobs, Denied attempts, History, Rate limits, Locks, so a flood of denied attempts or a long history cannot
/// push the jobs off the screen; what nobody needs is left blank at the bottom, so panels keep their place while the
/// lists are short.
public struct ScreenLayout: Sendable, Hashable {
    /// Notice lines shown under the header (notices beyond the space are left out).
    public var noticeLines: Int
    /// Visible data rows per panel.
    public var dataRows: [Panel: Int]
    /// Blank lines between the last panel and the footer.
    public var fillerLines: Int

    /// Header, footer and status line.
    static let fixedLines = 3
    /// Title line and column heading.
    static let panelChrome = 2
    private static let fillOrder: [Panel] = [.approvals, .jobs, .denied, .history, .rateLimits, .locks]

    /// - Parameters:
    ///   - rows: the screen's height, at least ``TerminalSize/minimum``'s.
    ///   - rowCounts: how many rows each panel lists.
    ///   - notices: how many notice lines there are.
    ///   - panels: the panels shown (see `Panel.shown`).
    public init(rows: Int, rowCounts: [Panel: Int], notices: Int, panels: [Panel] = Panel.shown(approvalsWaiting: false, rows: .max)) {
        let panelCount = panels.count
        let minimumPanels = panelCount * (Self.panelChrome + 1)
        noticeLines = max(0, min(notices, rows - Self.fixedLines - minimumPanels))
        var spare = rows - Self.fixedLines - noticeLines - panelCount * Self.panelChrome - panelCount
        var allotted = Dictionary(uniqueKeysWithValues: panels.map { ($0, 1) })
        var granted = true
        while spare > 0 && granted {
            granted = false
            for panel in Self.fillOrder where spare > 0 && allotted[panel].map({ $0 < rowCounts[panel, default: 0] }) == true {
                allotted[panel]! += 1
                spare -= 1
                granted = true
            }
        }
        dataRows = allotted
        fillerLines = max(0, spare)
    }

    public func visibleRows(of panel: Panel) -> Int { dataRows[panel, default: 1] }
}
