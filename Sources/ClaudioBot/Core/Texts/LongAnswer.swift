/// An answer too long to read as messages (SPEC §18): its first message, then the whole text as a document.
enum LongAnswer {
    /// More messages than this and the answer goes as a document instead.
    static let maxMessages = 10

    /// The document's name for job `jobID`.
    static func documentName(jobID: String) -> String {
        "answer-\(jobID).md"
    }

    /// The caption of the document.
    static func caption(messages: Int) -> String {
        "📄 The whole answer (it would have taken \(messages) messages)."
    }
}
