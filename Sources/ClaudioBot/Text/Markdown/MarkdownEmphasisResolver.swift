/// Pairs delimiter runs into emphasis, strong emphasis and strikethrough: CommonMark's "process emphasis"
/// algorithm, with GFM's `~~`.
///
/// Each closer, left to right, pairs with the nearest run before it that can open and pair with it; the two
/// and everything between become one node. So `*a **b** c*` nests strong in emphasis, `**a*` leaves one `*`
/// as text, and a delimiter never pairs across a code span or link, which are nodes by then.
enum MarkdownEmphasisResolver {
    /// Resolves the delimiter runs in `pieces[start...]`, leaving the runs nothing matched as they are.
    static func resolve(_ pieces: inout [MarkdownInlinePiece], from start: Int) {
        var closerIndex = start
        while closerIndex < pieces.count {
            guard case .delimiter(var closer) = pieces[closerIndex], closer.canClose else {
                closerIndex += 1
                continue
            }
            guard let openerIndex = opener(pairingWith: closer, in: pieces[start..<closerIndex]),
                case .delimiter(var opener) = pieces[openerIndex]
            else {
                // A run that can only close and found nothing will never pair; later closers skip it.
                if !closer.canOpen { pieces[closerIndex] = .node(.text(closer.literal)) }
                closerIndex += 1
                continue
            }
            let used = closer.character == "~" ? closer.count : min(2, opener.count, closer.count)
            let children = MarkdownInlinePiece.nodes(of: pieces[(openerIndex + 1)..<closerIndex])
            opener.count -= used
            closer.count -= used
            var replacement: [MarkdownInlinePiece] = []
            if opener.count > 0 { replacement.append(.delimiter(opener)) }
            replacement.append(.node(node(of: closer.character, used: used, children: children)))
            if closer.count > 0 { replacement.append(.delimiter(closer)) }
            pieces.replaceSubrange(openerIndex...closerIndex, with: replacement)
            // What is left of the closer may close another opener further back.
            closerIndex = openerIndex + replacement.count - (closer.count > 0 ? 1 : 0)
        }
    }

    /// The index of the nearest run in `candidates` that can open and pair with `closer`.
    private static func opener(
        pairingWith closer: MarkdownDelimiterRun, in candidates: ArraySlice<MarkdownInlinePiece>
    ) -> Int? {
        candidates.indices.last { index in
            guard case .delimiter(let run) = candidates[index] else { return false }
            return run.canPair(withCloser: closer)
        }
    }

    /// The node a pair of `used` delimiters makes around `children`.
    private static func node(of character: Character, used: Int, children: [MarkdownInline]) -> MarkdownInline {
        if character == "~" { return .strikethrough(children) }
        if used == 2 { return .strong(children) }
        // `***a***` pairs strong inside emphasis; both mean bold italic, and emitters get it one way, bold
        // outside (as the renderers have always written it).
        if children.count == 1, case .strong(let inner) = children[0] { return .strong([.emphasis(inner)]) }
        return .emphasis(children)
    }
}
