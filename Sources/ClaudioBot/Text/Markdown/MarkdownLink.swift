/// An inline link, `[text](destination "title")`, or an image, `![description](destination)`.
///
/// The link is what the Markdown says whatever its destination: which schemes may be made clickable is each
/// platform's rule, so an emitter that refuses one still has the source of the target to show instead.
struct MarkdownLink: Sendable, Equatable {
    var isImage: Bool
    /// The link text, or an image's description.
    var children: [MarkdownInline]
    /// The destination with backslash escapes resolved and any `<…>` removed; empty for `[text]()`.
    var destination: String
    var title: String?
    /// The target as written, from `(` to `)`.
    var targetSource: String
}
