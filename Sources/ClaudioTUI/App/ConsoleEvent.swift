import Shared

/// Everything the console's main loop reacts to, from the terminal, the poller, the operator's actions and signals.
enum ConsoleEvent: Sendable {
    case terminal(TerminalEvent)
    /// The terminal thread ended (its event stream finished).
    case terminalClosed
    case snapshot(SnapshotResponse)
    /// A poll failed; the text says why.
    case pollFailed(String)
    /// The open job page's job, as the daemon describes it now.
    case jobDetail(JobDetail)
    /// The daemon no longer knows the open page's job (404): it has ended.
    case jobEnded(String)
    /// A kill or reload finished.
    case actionFinished(StatusMessage)
    /// SIGINT, SIGTERM or SIGHUP.
    case signal
}
