/// What the terminal reports: a key, or a new size (SIGWINCH, which ncurses turns into `KEY_RESIZE`).
public enum TerminalEvent: Sendable, Hashable {
    case key(KeyPress)
    case resized(TerminalSize)
}
