/// The line of a bullet list item: `- text`, `* text` or `+ text`, at any indentation (nested items are
/// indented by their parents).
struct MarkdownListItem: Sendable, Equatable {
    /// The spaces and tabs before the marker.
    var indentation: Substring
    /// `-`, `*` or `+`.
    var marker: Character
    /// Everything after the marker and its space, a task item's checkbox included.
    var content: Substring

    /// A task item's checkbox (`[ ]` open, `[x]` or `[X]` done, then a space) and the text after it; nil for
    /// an ordinary item.
    var task: (isDone: Bool, text: Substring)? {
        let text = content.dropFirst(4)
        switch content.prefix(4) {
        case "[ ] ": return (false, text)
        case "[x] ", "[X] ": return (true, text)
        default: return nil
        }
    }
}
