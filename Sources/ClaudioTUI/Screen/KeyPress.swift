/// A key the operator pressed, decoded from the terminal's input.
public enum KeyPress: Sendable, Hashable {
    /// A typed character (Ctrl-L arrives as U+000C).
    case character(Character)
    case up
    case down
    case pageUp
    case pageDown
    case home
    case end
    case tab
    /// Shift-Tab.
    case backTab
    case enter
    case escape
    /// Backspace, whichever code the terminal sends for it (DEL, Ctrl-H or the keypad's).
    case backspace
    /// F1…F12.
    case function(Int)
}
