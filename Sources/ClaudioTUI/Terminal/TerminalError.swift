/// Why the console could not take over the terminal.
public enum TerminalError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Standard input or output is not a terminal (a pipe, a file, a cron job).
    case notATerminal
    /// ncurses could not set up the terminal, usually an unknown `TERM`.
    case cannotOpen(term: String)

    public var description: String {
        switch self {
        case .notATerminal:
            "claudio-tui needs a terminal on its standard input and output"
        case .cannotOpen(let term):
            "cannot drive this terminal (TERM=\(term)); try TERM=xterm-256color"
        }
    }
}
