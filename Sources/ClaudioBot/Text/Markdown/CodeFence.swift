/// A Markdown fenced code block's opening line: the fence (three or more backticks or tildes) and its
/// info string (the language, e.g. `swift`).
///
/// The one definition of a fence: `CodeFenceTracker` applies it for both the splitter, which closes a
/// block at the end of one message and reopens it at the start of the next, and the block classifier the
/// renderers emit from, so the two can never disagree on where code starts and ends.
struct CodeFence: Sendable, Equatable {
    /// The backtick or tilde run that opened the block, e.g. "```".
    var marker: String
    var info: String

    /// The fence a line opens, or nil when it opens none. Leading indentation of any width is accepted,
    /// where CommonMark allows three spaces: fences inside list items are indented relative to the item,
    /// and the splitter reopens a block at column 0 whatever the indentation of the lines that follow, so
    /// a block opened or closed there must still be tracked.
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

    /// The info string's first word, which CommonMark takes as the language; nil when there is none.
    var language: Substring? {
        let word = info.prefix { !$0.isWhitespace }
        return word.isEmpty ? nil : word
    }

    /// The line that reopens the block in the next message.
    var openingLine: String { marker + info + "\n" }
}
