/// What a key asks the console to do beyond changing its own state: the app performs it and reports back.
public enum ConsoleAction: Sendable, Hashable {
    case quit
    /// `POST /v1/jobs/{id}/kill`, after the operator confirmed.
    case kill(jobID: String)
    /// `POST /v1/approvals/{id}` with `via: console`, after the operator confirmed.
    case decide(approvalID: String, allow: Bool)
    /// `POST /v1/reload`.
    case reload
    /// Repaint the whole terminal (Ctrl-L), for a screen another program scribbled on.
    case repaint
}
