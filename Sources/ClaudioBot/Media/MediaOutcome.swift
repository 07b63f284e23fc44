/// How the media stage ended for one message.
enum MediaOutcome: Sendable, Equatable {
    /// The prompt to run: the transcript, or the upload lines and the caption.
    case prompt(String)
    /// Nothing runs; the sender gets `reply`.
    case refused(reply: String)
    /// Shutdown came first: nothing runs and nobody is told now (the message is offered again, or its sender told
    /// after the restart).
    case cancelled
}
