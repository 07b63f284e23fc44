/// A run of `*`, `_` or `~~` that may open or close emphasis (CommonMark's delimiter run, GFM's for `~`).
///
/// Whether it can open or close depends on what is on either side: `*` opens when it is left-flanking (not
/// followed by whitespace, nor by punctuation unless preceded by whitespace or punctuation), and `_` further
/// refuses to open or close inside a word, so `snake_case_names` stay text while `2*3*4` has an emphasis.
struct MarkdownDelimiterRun: Sendable, Equatable {
    var character: Character
    /// The delimiters left to match.
    var count: Int
    /// The length as written, which the rule of three counts.
    let originalCount: Int
    let canOpen: Bool
    let canClose: Bool

    /// - Parameters:
    ///   - before: the character before the run, nil at the start of the line.
    ///   - after: the character after it, nil at the end of the line.
    init(character: Character, count: Int, before: Character?, after: Character?) {
        self.character = character
        self.count = count
        originalCount = count
        let spaceBefore = before?.isWhitespace ?? true
        let spaceAfter = after?.isWhitespace ?? true
        let punctuationBefore = before?.isMarkdownPunctuation ?? false
        let punctuationAfter = after?.isMarkdownPunctuation ?? false
        let leftFlanking = !spaceAfter && (!punctuationAfter || spaceBefore || punctuationBefore)
        let rightFlanking = !spaceBefore && (!punctuationBefore || spaceAfter || punctuationAfter)
        if character == "_" {
            canOpen = leftFlanking && (!rightFlanking || punctuationBefore)
            canClose = rightFlanking && (!leftFlanking || punctuationAfter)
        } else {
            canOpen = leftFlanking
            canClose = rightFlanking
        }
    }

    /// Whether this run, as an opener, can pair with `closer`. Strikethrough needs runs of the same length;
    /// emphasis follows the rule of three, so that `*a **b** c*` nests instead of pairing the wrong runs.
    func canPair(withCloser closer: MarkdownDelimiterRun) -> Bool {
        guard character == closer.character, canOpen, closer.canClose else { return false }
        if character == "~" { return count == closer.count }
        let eitherCanBoth = canClose || closer.canOpen
        let sum = originalCount + closer.originalCount
        return !(eitherCanBoth && sum % 3 == 0 && !(originalCount % 3 == 0 && closer.originalCount % 3 == 0))
    }

    /// The run as text, for delimiters nothing matched.
    var literal: String { String(repeating: character, count: count) }
}
