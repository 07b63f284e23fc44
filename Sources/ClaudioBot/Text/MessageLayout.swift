/// A text prepared for `MessageSplitter`: its lines, which fenced code block each line is in, and the
/// cost of text in the platform's unit. Finds where a part should end.
struct MessageLayout {
    /// A place in the text between two grapheme clusters.
    struct Cursor: Equatable {
        var position: String.Index
        /// The line `position` lies in.
        var lineIndex: Int
    }

    /// Kinds of break, best first.
    enum BreakKind: Int, CaseIterable {
        case afterBlankLine, afterLineBreak, afterSpace, anywhere
    }

    /// A place where a part could end.
    struct Candidate {
        var cursor: Cursor
        /// The code block open at this place, closed at the end of the part and reopened in the next.
        var fence: CodeFence?
        /// Cost of the text from the part's start to here, fences excluded.
        var contentCost: Int
    }

    enum ScanOutcome {
        /// The rest of the text fits in one part.
        case fitsToEnd
        case breakAt(Candidate)
        /// Not even one character fits.
        case noRoom
    }

    private struct Line {
        var start: String.Index
        /// Just past the line break, or the end of the text.
        var end: String.Index
        var isBlank: Bool
        /// The block open at the start of the line; a closing fence line is still inside it.
        var fenceBefore: CodeFence?
        /// An opening or closing fence line, inside which no break is made.
        var isFenceLine: Bool
    }

    let text: String
    let unit: MessageSplitter.Unit
    private let lines: [Line]

    init(text: String, unit: MessageSplitter.Unit) {
        self.text = text
        self.unit = unit
        var lines: [Line] = []
        var fences = CodeFenceTracker()
        var start = text.startIndex
        while start < text.endIndex {
            let contentEnd = text[start...].firstIndex(where: \.isNewline) ?? text.endIndex
            let end = contentEnd < text.endIndex ? text.index(after: contentEnd) : contentEnd
            let content = text[start..<contentEnd]
            let fenceBefore = fences.openFence
            let isFenceLine: Bool
            switch fences.role(of: content) {
            case .opening, .closing: isFenceLine = true
            case .code, .outside: isFenceLine = false
            }
            lines.append(
                Line(
                    start: start, end: end, isBlank: content.allSatisfy(\.isWhitespace),
                    fenceBefore: fenceBefore, isFenceLine: isFenceLine
                ))
            start = end
        }
        self.lines = lines
    }

    func cost(of text: some StringProtocol) -> Int {
        switch unit {
        case .utf16: text.utf16.count
        case .characters: text.count
        }
    }

    private func cost(of character: Character) -> Int {
        switch unit {
        case .utf16: character.utf16.count
        case .characters: 1
        }
    }

    /// The code block open at the start of the part that begins at `cursor`.
    private func fence(at cursor: Cursor) -> CodeFence? {
        let line = lines[cursor.lineIndex]
        // Inside an opening fence line the block has not begun yet.
        if cursor.position != line.start, line.isFenceLine, line.fenceBefore == nil { return nil }
        return line.fenceBefore
    }

    private func prefix(at cursor: Cursor, decorated: Bool) -> String {
        guard decorated, let fence = fence(at: cursor) else { return "" }
        return fence.openingLine
    }

    /// The fence text that closes `fence` after content ending in `previous`.
    private func closer(for fence: CodeFence, after previous: Character) -> String {
        previous.isNewline ? fence.marker : "\n" + fence.marker
    }

    // MARK: - Finding the end of a part

    /// Where the part starting at `start` should end so that it fits in `limit` with `reserved` units
    /// to spare. `decorated` adds fence lines to keep code blocks balanced.
    func scan(from start: Cursor, limit: Int, reserved: Int, decorated: Bool) -> ScanOutcome {
        let budget = limit - reserved - cost(of: prefix(at: start, decorated: decorated))
        guard budget > 0 else { return .noRoom }
        var best = [Candidate?](repeating: nil, count: BreakKind.allCases.count)
        var used = 0
        var lineIndex = start.lineIndex
        var index = start.position
        var previous: Character?
        while index < text.endIndex {
            while index >= lines[lineIndex].end { lineIndex += 1 }
            let cursor = Cursor(position: index, lineIndex: lineIndex)
            if let previous, let kind = breakKind(at: cursor, after: previous) {
                let fence = decorated ? fence(at: cursor) : nil
                // Fence markers are ASCII, so they cost the same in every unit.
                let closerCost = fence.map { (previous.isNewline ? 0 : 1) + $0.marker.utf8.count } ?? 0
                if used + closerCost <= budget {
                    best[kind.rawValue] = Candidate(cursor: cursor, fence: fence, contentCost: used)
                }
            }
            let character = text[index]
            used += cost(of: character)
            if used > budget { return choose(from: best, budget: budget) }
            previous = character
            index = text.index(after: index)
        }
        return .fitsToEnd
    }

    private func breakKind(at cursor: Cursor, after previous: Character) -> BreakKind? {
        let line = lines[cursor.lineIndex]
        if cursor.position == line.start {
            // Breaking just before a closing fence would leave the next part an empty code block.
            if line.isFenceLine, line.fenceBefore != nil { return nil }
            return lines[cursor.lineIndex - 1].isBlank ? .afterBlankLine : .afterLineBreak
        }
        if line.isFenceLine { return nil }
        return previous == " " || previous == "\t" ? .afterSpace : .anywhere
    }

    private func choose(from best: [Candidate?], budget: Int) -> ScanOutcome {
        let available = best.compactMap { $0 }
        if let halfFull = available.first(where: { $0.contentCost * 2 >= budget }) { return .breakAt(halfFull) }
        return available.first.map(ScanOutcome.breakAt) ?? .noRoom
    }

    // MARK: - Building parts

    /// The part from `start` to `end` (nil: the end of the text), with fence lines when `decorated`.
    func part(from start: Cursor, to end: Candidate?, decorated: Bool) -> String {
        var part = prefix(at: start, decorated: decorated)
        part += text[start.position..<(end?.cursor.position ?? text.endIndex)]
        if decorated, let end, let fence = end.fence, let previous = part.last {
            part += closer(for: fence, after: previous)
        }
        return part
    }

    /// The grapheme cluster at `cursor` cut into pieces of whole Unicode scalars that fit `limit`, for a
    /// cluster longer than a whole message (e.g. thousands of combining marks); a surrogate pair is one
    /// scalar and so never cut. Also returns the cursor after the cluster.
    func scalarPieces(ofCharacterAt cursor: Cursor, limit: Int) -> (pieces: [String], next: Cursor) {
        let character = text[cursor.position]
        var pieces: [String] = []
        var piece = String.UnicodeScalarView()
        var pieceCost = 0
        for scalar in character.unicodeScalars {
            let scalarCost = unit == .utf16 ? scalar.utf16.count : 1
            if pieceCost + scalarCost > limit, !piece.isEmpty {
                pieces.append(String(piece))
                piece = String.UnicodeScalarView()
                pieceCost = 0
            }
            piece.append(scalar)
            pieceCost += scalarCost
        }
        if !piece.isEmpty { pieces.append(String(piece)) }
        let position = text.index(after: cursor.position)
        var lineIndex = cursor.lineIndex
        while lineIndex + 1 < lines.count, position >= lines[lineIndex].end { lineIndex += 1 }
        return (pieces, Cursor(position: position, lineIndex: lineIndex))
    }
}
