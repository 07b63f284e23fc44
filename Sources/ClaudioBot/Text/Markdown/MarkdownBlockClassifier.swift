/// Turns a Markdown text into `MarkdownBlock`s: fenced code blocks found by `CodeFenceTracker` (so exactly
/// where the splitter finds them), and every other line classified on its own.
///
/// Line-level on purpose: the renderers format each message part the splitter cuts, and a classification
/// that needed the lines before a part (list nesting, paragraph continuation) would render a part differently
/// from the same lines in the whole answer. Only fenced code spans lines, and the splitter keeps fences
/// balanced across parts.
enum MarkdownBlockClassifier {
    /// The blocks of `markdown`, one per line except fenced code blocks, which take all their lines.
    static func blocks(of markdown: String) -> [MarkdownBlock] {
        var blocks: [MarkdownBlock] = []
        var fences = CodeFenceTracker()
        var openBlock: MarkdownCodeBlock?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            switch fences.role(of: line) {
            case .outside:
                blocks.append(block(ofLine: line))
            case .opening(let fence):
                openBlock = MarkdownCodeBlock(fence: fence, openingLine: line, lines: [], closingLine: nil)
            case .code:
                openBlock?.lines.append(line)
            case .closing:
                if var block = openBlock {
                    block.closingLine = line
                    blocks.append(.fencedCode(block))
                }
                openBlock = nil
            }
        }
        if let openBlock { blocks.append(.fencedCode(openBlock)) }
        return blocks
    }

    /// The block a line outside fenced code is. Headings, rules and quotes may be indented at most three
    /// columns (more is an indented code block in CommonMark, shown as text here); list items at any depth.
    static func block(ofLine line: Substring) -> MarkdownBlock {
        let indentation = line.prefix { $0 == " " || $0 == "\t" }
        let body = line.dropFirst(indentation.count)
        if body.isEmpty { return .blank(line) }
        if columns(of: indentation) <= 3 {
            if let heading = heading(body) { return .heading(level: heading.level, text: heading.text) }
            // Before list items: `* * *` is a rule, not an item (CommonMark).
            if isThematicBreak(body) { return .thematicBreak(line) }
            if body.first == ">" {
                let content = body.dropFirst().drop { $0 == " " }
                let marker = line[..<content.startIndex]
                return .blockQuote(marker: marker, content: block(ofLine: content))
            }
        }
        if let marker = body.first, "-*+".contains(marker), body.dropFirst().first == " " {
            return .bulletItem(MarkdownListItem(indentation: indentation, marker: marker, content: body.dropFirst(2)))
        }
        return .paragraphLine(indentation: indentation, text: body)
    }

    /// The width of leading spaces and tabs, a tab reaching the next multiple of four (CommonMark).
    private static func columns(of indentation: Substring) -> Int {
        indentation.reduce(0) { width, character in character == "\t" ? width + 4 - width % 4 : width + 1 }
    }

    /// An ATX heading's level and text (closing hashes removed), nil when `body` is not one.
    private static func heading(_ body: Substring) -> (level: Int, text: Substring)? {
        let hashes = body.prefix { $0 == "#" }
        guard (1...6).contains(hashes.count) else { return nil }
        let rest = body.dropFirst(hashes.count)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        var text = rest.trimmingSpacesAndTabs()
        // A closing run of hashes counts only after a space or as the whole text (`# C#` keeps its hash).
        let closing = text.reversed().prefix { $0 == "#" }.count
        if closing > 0 {
            let beforeClosing = text.dropLast(closing)
            if beforeClosing.isEmpty || beforeClosing.last == " " || beforeClosing.last == "\t" {
                text = beforeClosing.trimmingSpacesAndTabs()
            }
        }
        return (hashes.count, text)
    }

    /// `---`, `***`, `___`: three or more of one of them, spaces and tabs allowed between.
    private static func isThematicBreak(_ body: Substring) -> Bool {
        let marks = body.filter { $0 != " " && $0 != "\t" }
        guard let first = marks.first, "-*_".contains(first), marks.count >= 3 else { return false }
        return marks.allSatisfy { $0 == first }
    }
}

extension Substring {
    fileprivate func trimmingSpacesAndTabs() -> Substring {
        var text = drop { $0 == " " || $0 == "\t" }
        while text.last == " " || text.last == "\t" { text.removeLast() }
        return text
    }
}
