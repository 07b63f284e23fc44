/// A fenced code block: its fence, its lines as written, and whether a closing fence ended it.
struct MarkdownCodeBlock: Sendable, Equatable {
    var fence: CodeFence
    var openingLine: Substring
    /// The lines between the fences, indentation kept.
    var lines: [Substring]
    /// The fence line that ended the block; nil when the text ended first.
    var closingLine: Substring?

    /// The code: the lines joined by line breaks.
    var code: String { lines.joined(separator: "\n") }
}
