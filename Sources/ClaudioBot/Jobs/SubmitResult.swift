/// What happened to a prompt handed to the scheduler.
enum SubmitResult: Sendable, Equatable {
    case started
    /// Waiting behind the chat's running job; position 1 runs next.
    case queued(position: Int)
    /// The chat's queue is full (`MAX_QUEUED_PER_CHAT`).
    case busy
    /// Claudio is shutting down and takes no more prompts.
    case shuttingDown

    /// Whether the job will run: it started or waits in its chat's queue.
    var isAccepted: Bool {
        switch self {
        case .started, .queued: true
        case .busy, .shuttingDown: false
        }
    }

    /// The reply to send right away, if any (a started job answers through its own progress message).
    var reply: String? {
        switch self {
        case .started: nil
        case .queued(let position): "🕐 Queued — position \(position). It runs when the prompts before it finish."
        case .busy: "⏳ Busy — this chat already has prompts waiting. Please try again when they have finished."
        case .shuttingDown: "⚠️ Claudio is shutting down; please send this again in a moment."
        }
    }
}
