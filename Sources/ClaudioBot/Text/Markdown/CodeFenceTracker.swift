/// Follows fenced code blocks through a text line by line.
///
/// The splitter (`MessageLayout`) and the block classifier (`MarkdownBlockClassifier`) both walk their lines
/// through a tracker, so a line that one of them takes for code the other does too: a message part the
/// splitter closes and reopens renders as the code it was.
struct CodeFenceTracker: Sendable {
    /// What a line is to the fenced code blocks around it.
    enum LineRole: Sendable, Equatable {
        /// Outside any block.
        case outside
        /// Opens a block with this fence.
        case opening(CodeFence)
        /// A line of the code of the block this fence opened.
        case code(CodeFence)
        /// Closes the block this fence opened.
        case closing(CodeFence)
    }

    /// The block the next line starts inside, nil outside any.
    private(set) var openFence: CodeFence?

    /// The role of `line`, the line after the ones seen so far; moves into or out of a block as it says.
    mutating func role(of line: Substring) -> LineRole {
        if let fence = openFence {
            guard fence.isClosed(by: line) else { return .code(fence) }
            openFence = nil
            return .closing(fence)
        }
        guard let fence = CodeFence(openingLine: line) else { return .outside }
        openFence = fence
        return .opening(fence)
    }
}
