/// Where a cell's text sits in its column: names to the left, numbers to the right.
public enum CellAlignment: Sendable, Equatable {
    case left
    case right
}
