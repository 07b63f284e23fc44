import Shared

/// Everything the console's main loop reacts to, from the terminal, the poller, the operator's actions and signals.
enum ConsoleEvent: Sendable {
    case terminal(TerminalEvent)
    /// The terminal thread ended (its event stream finished).
    case terminalClosed
    case snapshot(SnapshotResponse)
    /// A poll failed; the text says why.
    case pollFailed(String)
    /// A kill or reload finished.
    case actionFinished(StatusMessage)
    /// SIGINT, SIGTERM or SIGHUP.
    case signal
}
