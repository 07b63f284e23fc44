/// What a piece of screen text means, which the terminal turns into attributes: colours when it has them, only bold
/// and reverse video otherwise (or with `NO_COLOR`).
public enum TextStyle: Sendable, Hashable, CaseIterable {
    case normal
    case bold
    /// Secondary text: column headings' rules, empty-panel notes, hints.
    case dim
    /// The selected row of the focused panel and the focused panel's title.
    case selected
    /// Healthy: a connected channel, a held lock, a successful action.
    case ok
    /// Needs attention: the Slack allow-all warning, a pending confirmation.
    case warning
    /// Broken: a channel error, an unreachable daemon, a failed action.
    case error
}
