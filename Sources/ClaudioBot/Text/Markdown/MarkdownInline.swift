/// An inline element of one line of Markdown, as `MarkdownInlineParser` finds it. Emphasis, strikethrough and
/// links hold their content as children, nested as the Markdown nests them; text holds no Markdown any more
/// (backslash escapes are resolved).
enum MarkdownInline: Sendable, Equatable {
    case text(String)
    /// A code span's content (`` `code` ``), without its backticks or their padding space.
    case code(String)
    /// `*text*` or `_text_`.
    case emphasis([MarkdownInline])
    /// `**text**` or `__text__`. `***text***` is strong around emphasis.
    case strong([MarkdownInline])
    /// `~~text~~` (GFM).
    case strikethrough([MarkdownInline])
    /// `[text](destination "title")` or `![description](destination)`.
    case link(MarkdownLink)
    /// `<https://…>` or `<someone@example.com>`.
    case autolink(MarkdownAutolink)

    /// What a reader sees with the formatting taken away: the text, code and link texts, autolink addresses.
    var plainText: String {
        switch self {
        case .text(let text), .code(let text): text
        case .emphasis(let children), .strong(let children), .strikethrough(let children): children.plainText
        case .link(let link): link.children.plainText
        case .autolink(let autolink): autolink.text
        }
    }
}

extension [MarkdownInline] {
    /// The elements' plain text, one after the other.
    var plainText: String { map(\.plainText).joined() }
}
