/// One column of a panel's table: its heading, the width it wants, and how it gives and takes space.
public struct TableColumn: Sendable, Hashable {
    public var title: String
    /// The natural width; a growing column never shrinks below ``TableColumn/minimumGrowingWidth``.
    public var width: Int
    /// Share of spare columns this column takes (0: fixed width).
    public var growth: Int
    /// The widest a growing column gets; spare columns beyond every cap stay blank at the end of the row.
    public var maximumWidth: Int
    public var alignment: CellAlignment
    public var truncation: TruncationSide

    public init(
        _ title: String, width: Int, growth: Int = 0, maximumWidth: Int = .max, alignment: CellAlignment = .left,
        truncation: TruncationSide = .tail
    ) {
        self.title = title
        self.width = width
        self.growth = growth
        self.maximumWidth = maximumWidth
        self.alignment = alignment
        self.truncation = truncation
    }

    public static let minimumGrowingWidth = 6

    /// Column widths that fill `available` columns, one space between columns: spare space goes to the growing
    /// columns by their growth; on a narrow screen growing columns shrink first, then the rightmost columns are
    /// dropped (width 0).
    public static func widths(of columns: [TableColumn], fitting available: Int) -> [Int] {
        var widths = columns.map(\.width)
        var shown = columns.count
        func required() -> Int { widths.prefix(shown).reduce(0, +) + max(0, shown - 1) }

        while shown > 0 && required() > available {
            let shrinkable = (0..<shown).filter { columns[$0].growth > 0 && widths[$0] > minimumGrowingWidth }
            if let widest = shrinkable.max(by: { widths[$0] < widths[$1] }) {
                widths[widest] -= 1
            } else {
                shown -= 1
                widths[shown] = 0
            }
        }
        // Spare columns go out by growth; what a capped column cannot take is shared again among the others.
        var spare = available - required()
        var growing = (0..<shown).filter { columns[$0].growth > 0 && widths[$0] < columns[$0].maximumWidth }
        while spare > 0 && !growing.isEmpty {
            let totalGrowth = growing.reduce(0) { $0 + columns[$1].growth }
            var given = 0
            for (position, index) in growing.enumerated() {
                let share = position == growing.count - 1
                    ? spare - given : spare * columns[index].growth / totalGrowth
                let taken = min(share, columns[index].maximumWidth - widths[index])
                widths[index] += taken
                given += taken
            }
            spare -= given
            growing = growing.filter { widths[$0] < columns[$0].maximumWidth }
            if given == 0 { break }
        }
        return widths
    }
}
