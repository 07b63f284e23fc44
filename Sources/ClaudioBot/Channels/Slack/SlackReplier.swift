import Foundation
import Logging
import Shared

/// Claudio's side of a Slack conversation: posts and edits in the message's thread through `chat.postMessage` and
/// `chat.update`.
///
/// Plain texts (command answers, progress) are sent with formatting off and `&`, `<`, `>` escaped, so they show
/// exactly as written. Answers are rendered to mrkdwn, split at Slack's 3000 characters; the first part replaces
/// the "⏳ Working…" placeholder, the rest follow in the thread. When Slack refuses the formatted text, the part is
/// sent again as plain text.
struct SlackReplier: ChatReplier {
    let api: SlackWebAPI
    private let logger = Logger(label: "claudio.slack.replier")

    init(api: SlackWebAPI) {
        self.api = api
    }

    @discardableResult
    func send(_ text: String, to address: ChatAddress) async -> PostedMessage? {
        var first: PostedMessage?
        var thread = address.threadID
        for part in MessageSplitter.slack.split(text) {
            let payload = SlackMessagePayload(
                channel: address.chatID, text: SlackMrkdwnRenderer.escaped(part), threadTS: thread, mrkdwn: false)
            guard let posted = await post(payload, to: address) else { break }
            first = first ?? posted
            thread = thread ?? posted.messageID
        }
        return first
    }

    func edit(_ message: PostedMessage, text: String) async {
        let part = MessageSplitter.slack.limited(toParts: 1).split(text).first ?? text
        do {
            try await api.updateMessage(
                SlackMessagePayload(
                    channel: message.address.chatID, text: SlackMrkdwnRenderer.escaped(part), ts: message.messageID,
                    mrkdwn: false))
        } catch {
            logger.warning("could not edit a message in \(message.address.chatID): \(error)")
        }
    }

    /// Posts a question in the thread as Block Kit buttons under its text.
    func ask(_ question: ChatQuestion, to address: ChatAddress) async -> PostedMessage? {
        let payload = SlackMessagePayload(
            channel: address.chatID, text: SlackMrkdwnRenderer.escaped(question.markdown), threadTS: address.threadID,
            blocks: SlackQuestionBlocks.blocks(for: question))
        do {
            return PostedMessage(address: address, messageID: try await api.postMessage(payload))
        } catch {
            logger.error("could not ask in \(address.chatID): \(error)")
            return nil
        }
    }

    /// Replaces a question's text and buttons (`chat.update` with the new blocks; none left once it is settled).
    func editQuestion(_ message: PostedMessage, to question: ChatQuestion) async {
        do {
            try await api.updateMessage(
                SlackMessagePayload(
                    channel: message.address.chatID, text: SlackMrkdwnRenderer.escaped(question.markdown),
                    ts: message.messageID, blocks: SlackQuestionBlocks.blocks(for: question)))
        } catch {
            logger.warning("could not update a question in \(message.address.chatID): \(error)")
        }
    }

    func deliverAnswer(
        _ markdown: String, to address: ChatAddress, replacing placeholder: PostedMessage?, documentName: String
    ) async {
        var parts = MessageSplitter.slack.split(markdown)
        if parts.isEmpty { parts = [JobMessages.noAnswer] }
        if parts.count > LongAnswer.maxMessages {
            let first = await deliverPart(parts[0], to: address, thread: address.threadID, replacing: placeholder)
            let document = OutgoingFile(
                name: documentName, data: Data(markdown.utf8), caption: LongAnswer.caption(messages: parts.count))
            if await sendFile(document, to: ChatAddress(
                platform: .slack, chatID: address.chatID, threadID: address.threadID ?? first?.messageID))
            {
                return
            }
        }
        // A slash command's answer starts at the top of the channel; its later parts go in the first part's thread.
        var thread = address.threadID
        for (index, part) in parts.enumerated() {
            let replacing = index == 0 ? placeholder : nil
            guard let delivered = await deliverPart(part, to: address, thread: thread, replacing: replacing) else {
                logger.error("answer for \(address.chatID) lost after part \(index + 1) of \(parts.count)")
                return
            }
            thread = thread ?? delivered.messageID
        }
    }

    @discardableResult
    func sendFile(_ file: OutgoingFile, to address: ChatAddress) async -> Bool {
        do {
            try await api.uploadFile(file, channel: address.chatID, threadTS: address.threadID)
            return true
        } catch {
            logger.error("could not upload \(file.name) to \(address.chatID): \(error)")
            return false
        }
    }

    /// Slack has no "typing…" for bots.
    func showWorking(in address: ChatAddress) async {}

    // MARK: - Parts

    private func deliverPart(
        _ markdown: String, to address: ChatAddress, thread: String?, replacing placeholder: PostedMessage?
    ) async -> PostedMessage? {
        let formatted = SlackMrkdwnRenderer.render(markdown)
        let plain = SlackMrkdwnRenderer.escaped(markdown)
        for (text, mrkdwn) in [(formatted, true), (plain, false)] {
            if let placeholder {
                do {
                    try await api.updateMessage(
                        SlackMessagePayload(
                            channel: placeholder.address.chatID, text: text, ts: placeholder.messageID, mrkdwn: mrkdwn))
                    return placeholder
                } catch SlackAPIError.rejected(_, let error) where error != "message_not_found" {
                    noteRefusal(error, formatted: mrkdwn)
                    continue
                } catch {
                    // The placeholder is gone or unreachable: post the part as a new message instead.
                    logger.warning("could not replace the placeholder in \(address.chatID): \(error)")
                }
            }
            do {
                let ts = try await api.postMessage(
                    SlackMessagePayload(channel: address.chatID, text: text, threadTS: thread, mrkdwn: mrkdwn))
                return PostedMessage(address: address, messageID: ts)
            } catch SlackAPIError.rejected(_, let error) {
                noteRefusal(error, formatted: mrkdwn)
            } catch {
                logger.error("could not post an answer in \(address.chatID): \(error)")
                return nil
            }
        }
        return nil
    }

    private func noteRefusal(_ error: String, formatted: Bool) {
        logger.warning("Slack refused an answer (\(error)); \(formatted ? "sending it as plain text" : "giving up")")
    }

    private func post(_ payload: SlackMessagePayload, to address: ChatAddress) async -> PostedMessage? {
        do {
            return PostedMessage(address: address, messageID: try await api.postMessage(payload))
        } catch {
            logger.warning("could not post in \(address.chatID): \(error)")
            return nil
        }
    }
}
