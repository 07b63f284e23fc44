/// One row of a panel's table: a cell per column, drawn in one style.
public struct PanelRow: Sendable, Hashable {
    public var cells: [String]
    public var style: TextStyle

    public init(_ cells: [String], style: TextStyle = .normal) {
        self.cells = cells
        self.style = style
    }
}
