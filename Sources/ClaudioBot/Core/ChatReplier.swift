/// The outbound side of a chat platform — what the job engine needs from Telegram or Slack.
///
/// Implementations never throw: a reply that cannot be delivered after the platform's retries is logged, because a
/// job must finish (and free its slot) whether or not the chat is reachable.
package protocol ChatReplier: Sendable {
    /// Sends plain text (command answers, denials, notices). Returns a handle for later edits, nil if it failed.
    @discardableResult
    func send(_ text: String, to address: ChatAddress) async -> PostedMessage?
    /// Replaces an earlier message's text (progress updates). Identical content is not an error.
    func edit(_ message: PostedMessage, text: String) async
    /// Delivers an answer written in Markdown: rendered in the platform's format, split to its size limit, plain text
    /// when the platform rejects the formatting. The first part replaces `placeholder` when one is given. An answer
    /// of more than `LongAnswer.maxMessages` messages goes as its first message plus the whole text as the document
    /// `documentName`.
    func deliverAnswer(
        _ markdown: String, to address: ChatAddress, replacing placeholder: PostedMessage?, documentName: String) async
    /// Sends a file; returns whether the platform took it.
    @discardableResult
    func sendFile(_ file: OutgoingFile, to address: ChatAddress) async -> Bool
    /// Posts a question with buttons; returns a handle for `editQuestion`, nil if it could not be posted.
    func ask(_ question: ChatQuestion, to address: ChatAddress) async -> PostedMessage?
    /// Replaces a question's text and buttons; a question without rows loses its buttons.
    func editQuestion(_ message: PostedMessage, to question: ChatQuestion) async
    /// Shows that work is going on ("typing…"); a no-op where the platform has nothing like it.
    func showWorking(in address: ChatAddress) async
    /// What a job started from a message answered through this replier talks through: usually this replier itself.
    var replierForJobs: any ChatReplier { get }
    /// Sends a reply to someone who is not allowed (a denial, their ID) without waiting for it (SPEC §18): it goes
    /// after authorized traffic, is never resent, and is dropped when the platform pushes back, so strangers cannot
    /// slow anyone down.
    func sendBestEffort(_ text: String, to address: ChatAddress)
}

extension ChatReplier {
    package var replierForJobs: any ChatReplier { self }

    /// Without buttons of its own, a question is its text; it can still be answered by the operator.
    package func ask(_ question: ChatQuestion, to address: ChatAddress) async -> PostedMessage? {
        await send(question.markdown, to: address)
    }

    package func editQuestion(_ message: PostedMessage, to question: ChatQuestion) async {
        await edit(message, text: question.markdown)
    }

    /// Without a lane of its own, a best-effort reply is an ordinary send on a task of its own.
    package func sendBestEffort(_ text: String, to address: ChatAddress) {
        Task { await send(text, to: address) }
    }
}
