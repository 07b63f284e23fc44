/// A message with buttons: Claude's tool request or its question to the user (SPEC §13).
package struct ChatQuestion: Sendable, Equatable {
    /// The text, in Markdown (rendered in the platform's format).
    package var markdown: String
    /// Rows of buttons; none once the question is settled.
    package var rows: [[ChatButton]]
    /// The message the question answers, where the platform shows replies (Telegram).
    package var replyTo: String?

    package init(markdown: String, rows: [[ChatButton]] = [], replyTo: String? = nil) {
        self.markdown = markdown
        self.rows = rows
        self.replyTo = replyTo
    }
}
