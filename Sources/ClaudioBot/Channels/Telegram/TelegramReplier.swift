import Foundation
import Logging
import Shared

/// Telegram's outbound side for the job engine and the router: plain messages, progress edits, "typing…", and
/// answers rendered from Markdown to Telegram HTML, split to Telegram's 4096-character limit.
///
/// Every failure is logged and swallowed (see `ChatReplier`); `TelegramBotAPI` has already resent through 429s and
/// transient failures by then.
struct TelegramReplier: ChatReplier {
    /// Markdown parts leave this much room under Telegram's limit. The visible text of rendered HTML is never longer
    /// than its Markdown, so a part this size fits once rendered; the check after rendering is the safety net.
    static let markdownPartLimit = 4000

    let api: TelegramBotAPI
    let logger: Logger
    /// Sends to authorized users under way; replies to strangers wait for none.
    private let priority = TelegramPriorityTraffic()
    private let strangers: TelegramStrangerLane

    init(api: TelegramBotAPI, logger: Logger = Logger(label: "claudio.telegram")) {
        self.api = api
        self.logger = logger
        strangers = TelegramStrangerLane(api: api, priority: priority, logger: logger)
    }

    func sendBestEffort(_ text: String, to address: ChatAddress) {
        strangers.send(text, to: address.chatID)
    }

    /// Sends plain text, split into several messages when it is too long.
    /// - Returns: the first message sent, nil when none could be.
    @discardableResult
    func send(_ text: String, to address: ChatAddress) async -> PostedMessage? {
        var first: PostedMessage?
        for part in MessageSplitter.telegram.split(text) {
            let posted = await post(.plain(part), to: address)
            if first == nil { first = posted }
        }
        return first
    }

    /// Replaces a message's text (one message: overlong text is cut with a note).
    func edit(_ message: PostedMessage, text: String) async {
        guard let part = MessageSplitter.telegram.limited(toParts: 1).split(text).first else { return }
        await replace(message, with: .plain(part))
    }

    /// Renders `markdown` as Telegram HTML in parts of at most 4096 visible characters. The first part replaces
    /// `placeholder`, the others follow as new messages; a part Telegram cannot parse goes as plain text.
    func deliverAnswer(
        _ markdown: String, to address: ChatAddress, replacing placeholder: PostedMessage?, documentName: String
    ) async {
        let parts = Self.answerParts(of: markdown)
        if parts.count > LongAnswer.maxMessages {
            await deliver(parts[0], to: address, replacing: placeholder)
            let document = OutgoingFile(
                name: documentName, data: Data(markdown.utf8), caption: LongAnswer.caption(messages: parts.count))
            if await !sendFile(document, to: address) {
                // The document could not go: the answer still must, as messages.
                for part in parts.dropFirst() { await post(part, to: address) }
            }
            return
        }
        for (index, part) in parts.enumerated() {
            if index == 0, let placeholder {
                await replace(placeholder, with: part)
            } else {
                await post(part, to: address)
            }
        }
    }

    @discardableResult
    func sendFile(_ file: OutgoingFile, to address: ChatAddress) async -> Bool {
        await priority.carrying {
            do {
                _ = try await api.sendFile(chatID: address.chatID, file)
                return true
            } catch {
                logger.error("could not send \(file.name) to Telegram chat \(address.chatID): \(error)")
                return false
            }
        }
    }

    private func deliver(_ part: Part, to address: ChatAddress, replacing placeholder: PostedMessage?) async {
        if let placeholder {
            await replace(placeholder, with: part)
        } else {
            await post(part, to: address)
        }
    }

    /// Posts a question as Telegram HTML (plain text when Telegram refuses it) with an inline keyboard.
    func ask(_ question: ChatQuestion, to address: ChatAddress) async -> PostedMessage? {
        await priority.carrying {
            do {
                let message = try await postQuestion(question, to: address.chatID)
                return PostedMessage(address: address, messageID: String(message.messageID))
            } catch {
                logger.error("could not ask in Telegram chat \(address.chatID): \(error)")
                return nil
            }
        }
    }

    /// Replaces a question's text and keyboard (an empty one removes the buttons).
    func editQuestion(_ message: PostedMessage, to question: ChatQuestion) async {
        guard let messageID = Int64(message.messageID) else { return }
        let chatID = message.address.chatID
        await priority.carrying {
            do {
                try await replaceQuestion(messageID, in: chatID, with: question)
            } catch {
                logger.error("could not update question \(messageID) in Telegram chat \(chatID): \(error)")
            }
        }
    }

    private func postQuestion(_ question: ChatQuestion, to chatID: String) async throws(TelegramAPIError)
        -> TelegramMessage
    {
        let html = TelegramHTMLRenderer.render(question.markdown)
        do {
            return try await api.sendMessage(
                chatID: chatID, text: html, parseMode: "HTML", buttons: question.rows, replyTo: question.replyTo)
        } catch .badRequest(let description) {
            logger.warning("Telegram refused a formatted question (\(description)); sending it as plain text")
            return try await api.sendMessage(
                chatID: chatID, text: question.markdown, buttons: question.rows, replyTo: question.replyTo)
        }
    }

    private func replaceQuestion(_ messageID: Int64, in chatID: String, with question: ChatQuestion)
        async throws(TelegramAPIError)
    {
        let html = TelegramHTMLRenderer.render(question.markdown)
        do {
            try await api.editMessageText(
                chatID: chatID, messageID: messageID, text: html, parseMode: "HTML", buttons: question.rows)
        } catch let error where error.isEntityParseFailure {
            try await api.editMessageText(
                chatID: chatID, messageID: messageID, text: question.markdown, buttons: question.rows)
        }
    }

    func showWorking(in address: ChatAddress) async {
        do {
            try await api.sendChatAction(chatID: address.chatID)
        } catch {
            logger.debug("sendChatAction to chat \(address.chatID) failed: \(error)")
        }
    }

    // MARK: - Parts

    /// One message's text, formatted or not.
    enum Part: Sendable, Equatable {
        /// Telegram HTML, and the text to send instead when Telegram rejects the HTML.
        case html(String, fallback: String)
        case plain(String)

        var plainText: String {
            switch self {
            case .html(_, let fallback): fallback
            case .plain(let text): text
            }
        }
    }

    /// The messages an answer becomes: the Markdown split with room to spare, each part rendered, and a part whose
    /// rendering is still too long sent as its Markdown source, split again.
    static func answerParts(of markdown: String) -> [Part] {
        let cleaned = TextSanitizer.clean(markdown)
        let splitter = MessageSplitter(limit: markdownPartLimit, unit: .utf16)
        var parts: [Part] = []
        for source in splitter.split(cleaned) {
            let html = TelegramHTMLRenderer.render(source)
            if TelegramHTMLRenderer.visibleLength(ofHTML: html) <= TelegramHTMLRenderer.messageLimit {
                parts.append(.html(html, fallback: source))
            } else {
                parts += MessageSplitter.telegram.split(source).map(Part.plain)
            }
        }
        return parts.isEmpty ? [.plain(JobMessages.noAnswer)] : parts
    }

    // MARK: - Calls

    @discardableResult
    private func post(_ part: Part, to address: ChatAddress) async -> PostedMessage? {
        await priority.carrying { await postNow(part, to: address) }
    }

    @discardableResult
    private func postNow(_ part: Part, to address: ChatAddress) async -> PostedMessage? {
        do {
            let message: TelegramMessage
            switch part {
            case .html(let html, let fallback):
                do {
                    message = try await api.sendMessage(chatID: address.chatID, text: html, parseMode: "HTML")
                } catch .badRequest(let description) {
                    logger.warning("Telegram refused formatted text (\(description)); sending it as plain text")
                    message = try await api.sendMessage(chatID: address.chatID, text: fallback)
                }
            case .plain(let text):
                message = try await api.sendMessage(chatID: address.chatID, text: text)
            }
            return PostedMessage(address: address, messageID: String(message.messageID))
        } catch {
            logger.error("could not send a message to Telegram chat \(address.chatID): \(error)")
            return nil
        }
    }

    /// Edits `message` to `part`; when the message cannot be edited (deleted, too old), sends `part` anew.
    private func replace(_ message: PostedMessage, with part: Part) async {
        await priority.carrying { await replaceNow(message, with: part) }
    }

    private func replaceNow(_ message: PostedMessage, with part: Part) async {
        guard let messageID = Int64(message.messageID) else {
            await postNow(part, to: message.address)
            return
        }
        let chatID = message.address.chatID
        do {
            switch part {
            case .html(let html, let fallback):
                do {
                    try await api.editMessageText(chatID: chatID, messageID: messageID, text: html, parseMode: "HTML")
                } catch let error where error.isEntityParseFailure {
                    logger.warning("Telegram refused formatted text (\(error)); editing to plain text")
                    try await api.editMessageText(chatID: chatID, messageID: messageID, text: fallback)
                }
            case .plain(let text):
                try await api.editMessageText(chatID: chatID, messageID: messageID, text: text)
            }
        } catch .badRequest(let description) {
            logger.notice("could not edit message \(messageID) in chat \(chatID) (\(description)); sending a new one")
            await postNow(part, to: message.address)
        } catch {
            logger.error("could not edit message \(messageID) in Telegram chat \(chatID): \(error)")
        }
    }
}
