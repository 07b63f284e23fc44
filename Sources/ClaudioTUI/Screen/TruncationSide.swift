/// Which end of a text gives way when it is too wide for its column.
public enum TruncationSide: Sendable, Equatable {
    /// Keep the start: names, prompts.
    case tail
    /// Keep the end: file paths, whose last component says the most.
    case head
}
