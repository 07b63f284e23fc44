/// A panel's selected row and the first row it shows, kept so the selection is always on screen.
public struct PanelCursor: Sendable, Hashable {
    /// Index of the selected row (0 when the panel is empty).
    public var selected: Int
    /// Index of the first visible row.
    public var offset: Int

    public init(selected: Int = 0, offset: Int = 0) {
        self.selected = selected
        self.offset = offset
    }

    /// Moves the selection by `delta` rows, stopping at the first and last row.
    public mutating func move(by delta: Int, rowCount: Int, visibleRows: Int) {
        selected += delta
        clamp(rowCount: rowCount, visibleRows: visibleRows)
    }

    /// Brings the selection back inside `0..<rowCount` and scrolls the least needed to show it; a list that shrank
    /// below the window scrolls back so no blank rows are shown under its end.
    public mutating func clamp(rowCount: Int, visibleRows: Int) {
        guard rowCount > 0 else {
            self = PanelCursor()
            return
        }
        let window = max(1, visibleRows)
        selected = min(max(0, selected), rowCount - 1)
        if selected < offset { offset = selected }
        if selected >= offset + window { offset = selected - window + 1 }
        offset = max(0, min(offset, rowCount - window))
    }
}
