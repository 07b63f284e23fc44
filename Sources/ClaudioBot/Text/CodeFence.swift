/// A Markdown fenced code block's opening line: the fence (three or more backticks or tildes) and its
/// info string (the language, e.g. `swift`). Used to close a block at the end of one message and reopen
/// it at the start of the next.
struct CodeFence: Sendable, Equatable {
    /// The backtick or tilde run that opened the block, e.g. "```".
    var marker: String
    var info: String

    /// The fence a line opens, or nil when it opens none. Leading indentation of any width is accepted:
    /// fences inside list items are indented, and a block opened there must still be tracked.
    init?(openingLine line: Substring) {
        let body = line.drop { $0 == " " || $0 == "\t" }
        guard let fenceCharacter = body.first, fenceCharacter == "`" || fenceCharacter == "~" else { return nil }
        let run = body.prefix { $0 == fenceCharacter }
        guard run.count >= 3 else { return nil }
        let afterRun = body.dropFirst(run.count)
        let info = afterRun.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed()
        // A backtick in the info string makes the line inline code, not a fence (CommonMark).
        if fenceCharacter == "`", info.contains("`") { return nil }
        marker = String(run)
        self.info = String(info)
    }

    init(marker: String = "```", info: String = "") {
        self.marker = marker
        self.info = info
    }

    /// Whether `line` ends this block: a run of the same character at least as long, then only spaces.
    func isClosed(by line: Substring) -> Bool {
        let body = line.drop { $0 == " " || $0 == "\t" }
        guard let fenceCharacter = marker.first else { return false }
        let run = body.prefix { $0 == fenceCharacter }
        return run.count >= marker.count && body.dropFirst(run.count).allSatisfy(\.isWhitespace)
    }

    /// The line that reopens the block in the next message.
    var openingLine: String { marker + info + "\n" }
}
