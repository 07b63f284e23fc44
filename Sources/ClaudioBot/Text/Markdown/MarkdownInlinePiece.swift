/// A piece of a line while `MarkdownInlineParser` works on it: a finished node, or a delimiter run or link
/// opener that may still become part of one. What is still undecided at the end is text.
enum MarkdownInlinePiece: Sendable, Equatable {
    case node(MarkdownInline)
    case delimiter(MarkdownDelimiterRun)
    /// `[`, or `![` for an image.
    case bracket(isImage: Bool)

    /// The nodes `pieces` make, undecided pieces as text and neighbouring texts joined.
    static func nodes(of pieces: ArraySlice<MarkdownInlinePiece>) -> [MarkdownInline] {
        var nodes: [MarkdownInline] = []
        for piece in pieces {
            let node: MarkdownInline
            switch piece {
            case .node(let finished): node = finished
            case .delimiter(let run): node = .text(run.literal)
            case .bracket(let isImage): node = .text(isImage ? "![" : "[")
            }
            if case .text(let addition) = node, case .text(var joined)? = nodes.last {
                // Removed first, so the append below works on the only copy.
                nodes.removeLast()
                joined += addition
                nodes.append(.text(joined))
            } else {
                nodes.append(node)
            }
        }
        return nodes
    }
}
