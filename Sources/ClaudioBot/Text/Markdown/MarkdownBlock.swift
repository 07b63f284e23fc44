/// One block of a Markdown text as `MarkdownBlockClassifier` sees it: a fenced code block, or one line of
/// another kind.
///
/// Text outside code is classified a line at a time and its inline Markdown is parsed a line at a time
/// too, so a message split at a line break renders each line as it would have unsplit. Payloads are
/// slices of the source, so classifying copies nothing.
indirect enum MarkdownBlock: Sendable, Equatable {
    /// A fenced code block, from its opening fence to its closing one (or to the end of the text).
    case fencedCode(MarkdownCodeBlock)
    /// An ATX heading (`## Title ##`): its level and its text without the hashes.
    case heading(level: Int, text: Substring)
    /// A `-`, `*` or `+` list item's line.
    case bulletItem(MarkdownListItem)
    /// `---`, `***` or `___` (spaces allowed between), as written.
    case thematicBreak(Substring)
    /// A `>` quote line: the marker as written (indentation, `>` and the spaces after it) and the rest of the
    /// line, classified as a line of its own.
    case blockQuote(marker: Substring, content: MarkdownBlock)
    /// Any other line: its leading spaces and tabs, and its text.
    case paragraphLine(indentation: Substring, text: Substring)
    /// A line of nothing but spaces and tabs, as written.
    case blank(Substring)
}
