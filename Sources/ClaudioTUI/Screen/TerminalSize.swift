/// The terminal's size in character cells.
public struct TerminalSize: Sendable, Hashable, CustomStringConvertible {
    public var columns: Int
    public var rows: Int

    public init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
    }

    public var description: String { "\(columns)×\(rows)" }

    /// The smallest screen the console lays its panels out on; below it, it asks for a bigger window.
    /// Five panels of a title, a heading and one row each, with the header, footer and status line.
    public static let minimum = TerminalSize(columns: 50, rows: 18)

    public var isUsable: Bool { columns >= Self.minimum.columns && rows >= Self.minimum.rows }
}
