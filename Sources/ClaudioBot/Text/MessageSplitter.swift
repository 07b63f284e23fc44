/// Splits a long answer into chat messages that each fit the platform's limit.
///
/// Breaks are chosen, in order of preference, after a blank line, after a line break, after a space,
/// or between any two characters — never inside a grapheme cluster, so never inside a surrogate pair.
/// A break is taken at the best kind available in the second half of the part, so a distant paragraph
/// break does not leave a part mostly empty.
///
/// Markdown code blocks stay balanced: a part that ends inside a fenced block is closed with its fence,
/// and the next part reopens the block with the same info string (e.g. ```swift); the added fence text
/// counts toward the limit. Parts without fences reassemble to the input exactly; a part that would be
/// nothing but whitespace is left out, since platforms reject blank messages.
struct MessageSplitter: Sendable {
    /// How a platform measures message length.
    enum Unit: Sendable {
        /// UTF-16 code units: Telegram's measure (an emoji outside the BMP counts 2).
        case utf16
        /// Grapheme clusters (user-perceived characters).
        case characters
    }

    /// Telegram: 4096 UTF-16 code units per message.
    static let telegram = MessageSplitter(limit: 4096, unit: .utf16)
    /// Slack: 3000 characters per section block.
    static let slack = MessageSplitter(limit: 3000, unit: .characters)

    let limit: Int
    let unit: Unit
    /// When set, at most this many parts are made; the last one then ends with
    /// "… (output truncated: N more characters)", N counting the characters left out.
    let maxParts: Int?

    init(limit: Int, unit: Unit, maxParts: Int? = nil) {
        precondition(limit > 0, "a message limit must be positive")
        precondition(maxParts.map { $0 > 0 } ?? true, "maxParts must be positive")
        self.limit = limit
        self.unit = unit
        self.maxParts = maxParts
    }

    /// The same splitter, making at most `maxParts` parts.
    func limited(toParts maxParts: Int) -> MessageSplitter {
        MessageSplitter(limit: limit, unit: unit, maxParts: maxParts)
    }

    /// The parts of `text`, in order; no parts for empty text.
    func split(_ text: String) -> [String] {
        guard !text.isEmpty else { return [] }
        let layout = MessageLayout(text: text, unit: unit)
        var parts: [String] = []
        var cursor = MessageLayout.Cursor(position: text.startIndex, lineIndex: 0)
        while cursor.position < text.endIndex {
            if let maxParts, parts.count == maxParts - 1 {
                parts.append(lastPart(from: cursor, in: layout))
                break
            }
            let (made, next) = nextParts(from: cursor, in: layout)
            parts.append(contentsOf: made)
            guard let next else { break }
            cursor = next
        }
        return parts.filter { $0.contains { !$0.isWhitespace } }
    }

    // MARK: - Parts

    /// The part starting at `cursor` and where the rest begins (nil at the end of the text). Returns
    /// several parts only when a single grapheme cluster is longer than the limit.
    private func nextParts(
        from cursor: MessageLayout.Cursor, in layout: MessageLayout
    ) -> (parts: [String], next: MessageLayout.Cursor?) {
        // With a limit too small for fence lines, fences are left unbalanced rather than stalling.
        for decorated in [true, false] {
            switch layout.scan(from: cursor, limit: limit, reserved: 0, decorated: decorated) {
            case .fitsToEnd:
                return ([layout.part(from: cursor, to: nil, decorated: decorated)], nil)
            case .breakAt(let candidate):
                return ([layout.part(from: cursor, to: candidate, decorated: decorated)], candidate.cursor)
            case .noRoom:
                continue
            }
        }
        let (pieces, next) = layout.scalarPieces(ofCharacterAt: cursor, limit: limit)
        return (pieces, next.position < layout.text.endIndex ? next : nil)
    }

    /// The final part allowed by `maxParts`: the rest if it fits, else as much as fits beside the note.
    private func lastPart(from cursor: MessageLayout.Cursor, in layout: MessageLayout) -> String {
        if case .fitsToEnd = layout.scan(from: cursor, limit: limit, reserved: 0, decorated: true) {
            return layout.part(from: cursor, to: nil, decorated: true)
        }
        let remaining = layout.text[cursor.position...].count
        // The note is reserved at its longest (everything left out), plus the line break before it.
        let reserved = layout.cost(of: Self.truncationNote(omitting: remaining)) + 1
        guard case .breakAt(let candidate) = layout.scan(from: cursor, limit: limit, reserved: reserved, decorated: true)
        else { return Self.truncationNote(omitting: remaining) }
        let body = layout.part(from: cursor, to: candidate, decorated: true)
        let omitted = layout.text[candidate.cursor.position...].count
        let separator = body.last?.isNewline == true ? "" : "\n"
        return body + separator + Self.truncationNote(omitting: omitted)
    }

    static func truncationNote(omitting count: Int) -> String {
        "… (output truncated: \(count) more characters)"
    }
}
