/// Parses the inline Markdown of one line into `MarkdownInline` nodes, the way CommonMark does: a scan left to
/// right makes backslash escapes, code spans and autolinks at once (they bind tightest), keeps `*`, `_`, `~~`
/// runs and `[` openers aside, makes a link when a `]` is followed by a target, and finally pairs the
/// delimiter runs left over into emphasis (`MarkdownEmphasisResolver`).
///
/// Left out, since both platforms could only show them as text: raw HTML (kept as text, so emitters escape
/// it), entity references, reference links and line breaks (the input is one line).
struct MarkdownInlineParser {
    /// A `[` or `![` waiting for its `]`.
    private struct LinkOpener {
        var pieceIndex: Int
        var isImage: Bool
        /// False once a link has formed after it: links may not contain links.
        var isActive = true
    }

    private let characters: [Character]
    private var pieces: [MarkdownInlinePiece] = []
    private var openers: [LinkOpener] = []
    /// Plain text read since the last piece, added as one text node.
    private var pendingText = ""

    private init(characters: [Character]) {
        self.characters = characters
    }

    /// The nodes of `line`'s inline Markdown.
    static func parse(_ line: some StringProtocol) -> [MarkdownInline] {
        var parser = MarkdownInlineParser(characters: Array(line))
        return parser.parse()
    }

    private mutating func parse() -> [MarkdownInline] {
        var index = 0
        while index < characters.count {
            index = consume(at: index)
        }
        finishText()
        MarkdownEmphasisResolver.resolve(&pieces, from: 0)
        return MarkdownInlinePiece.nodes(of: pieces[...])
    }

    /// Reads what starts at `index`; returns the index after it.
    private mutating func consume(at index: Int) -> Int {
        let character = characters[index]
        switch character {
        case "\\":
            return backslash(at: index)
        case "`":
            return codeSpan(at: index)
        case "<":
            guard let found = MarkdownAutolink.parse(characters, at: index) else { break }
            add(.node(.autolink(found.autolink)))
            return found.end
        case "*", "_", "~":
            return delimiterRun(at: index)
        case "!" where index + 1 < characters.count && characters[index + 1] == "[":
            openLink(isImage: true)
            return index + 2
        case "[":
            openLink(isImage: false)
            return index + 1
        case "]":
            return closeLink(at: index)
        default:
            break
        }
        pendingText.append(character)
        return index + 1
    }

    /// Adds a piece after the text read so far.
    private mutating func add(_ piece: MarkdownInlinePiece) {
        finishText()
        pieces.append(piece)
    }

    private mutating func finishText() {
        guard !pendingText.isEmpty else { return }
        pieces.append(.node(.text(pendingText)))
        pendingText = ""
    }

    private func runLength(of character: Character, at start: Int) -> Int {
        characters[start...].prefix { $0 == character }.count
    }

    // MARK: - Escapes and code spans

    /// `\` makes the ASCII punctuation after it literal; before anything else it is itself.
    private mutating func backslash(at index: Int) -> Int {
        if index + 1 < characters.count, characters[index + 1].isASCIIPunctuation {
            pendingText.append(characters[index + 1])
            return index + 2
        }
        pendingText.append("\\")
        return index + 1
    }

    /// A code span: a backtick run, then the next run of exactly as many. Without one the run is text.
    private mutating func codeSpan(at start: Int) -> Int {
        let length = runLength(of: "`", at: start)
        var index = start + length
        while index < characters.count {
            guard characters[index] == "`" else {
                index += 1
                continue
            }
            let closing = runLength(of: "`", at: index)
            if closing == length {
                add(.node(.code(Self.codeSpanContent(characters[(start + length)..<index]))))
                return index + length
            }
            index += closing
        }
        pendingText += String(repeating: "`", count: length)
        return start + length
    }

    /// A code span's content: one space on each side is padding when both are there and the rest is not all
    /// spaces, so "`` `x` ``" can show backticks (CommonMark).
    private static func codeSpanContent(_ content: ArraySlice<Character>) -> String {
        if content.count >= 2, content.first == " ", content.last == " ", content.contains(where: { $0 != " " }) {
            return String(content.dropFirst().dropLast())
        }
        return String(content)
    }

    // MARK: - Emphasis delimiters

    /// A run of `*` or `_`, or of exactly two `~`, kept aside for `MarkdownEmphasisResolver` when it can open
    /// or close; otherwise text.
    private mutating func delimiterRun(at start: Int) -> Int {
        let character = characters[start]
        let length = runLength(of: character, at: start)
        let end = start + length
        let run = MarkdownDelimiterRun(
            character: character, count: length,
            before: start > 0 ? characters[start - 1] : nil,
            after: end < characters.count ? characters[end] : nil)
        // GFM strikes through with two tildes; single ones and longer runs stay text.
        if (character == "~" && length != 2) || !(run.canOpen || run.canClose) {
            pendingText += run.literal
        } else {
            add(.delimiter(run))
        }
        return end
    }

    // MARK: - Links

    private mutating func openLink(isImage: Bool) {
        finishText()
        openers.append(LinkOpener(pieceIndex: pieces.count, isImage: isImage))
        pieces.append(.bracket(isImage: isImage))
    }

    /// A `]`: with the latest opener and a target after it, everything since the opener becomes a link's
    /// text, its emphasis resolved within it; otherwise the `]` is text and the opener stays text.
    private mutating func closeLink(at index: Int) -> Int {
        guard let opener = openers.popLast(), opener.isActive,
            let target = MarkdownLinkTarget.parse(characters, at: index + 1)
        else {
            pendingText.append("]")
            return index + 1
        }
        finishText()
        let textStart = opener.pieceIndex + 1
        MarkdownEmphasisResolver.resolve(&pieces, from: textStart)
        let link = MarkdownLink(
            isImage: opener.isImage, children: MarkdownInlinePiece.nodes(of: pieces[textStart...]),
            destination: target.destination, title: target.title,
            targetSource: String(characters[(index + 1)..<target.end]))
        pieces.replaceSubrange(opener.pieceIndex..., with: [.node(.link(link))])
        if !opener.isImage {
            for earlier in openers.indices where !openers[earlier].isImage { openers[earlier].isActive = false }
        }
        return target.end
    }
}
