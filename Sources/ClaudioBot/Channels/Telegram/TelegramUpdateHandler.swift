import Logging
import Shared

/// Reads one Telegram update as the message and request it stands for (SPEC §4.2) and hands it to the router:
/// commands, prompts, voice notes and files (SPEC §15), and a hint for authorized users who send something else.
struct TelegramUpdateHandler: Sendable {
    let router: MessageRouter
    let replier: any ChatReplier
    /// Fetches the voice notes and files of admitted messages.
    let downloader: any AttachmentDownloader
    /// This bot's username from `getMe`, to tell `/cmd@thisbot` from `/cmd@otherbot`.
    let botUsername: String?

    /// The gate's decision about `update`; nil for an update Claudio ignores (no human sender, a command for
    /// another bot, nothing it understands).
    func admit(_ update: TelegramUpdate) async -> Admission? {
        guard let (message, request) = read(update) else { return nil }
        return await router.admit(message, asking: request)
    }

    /// Answers an admitted update; `whenDurable` is called as soon as an accepted prompt is in the intake.
    func handle(_ admission: Admission, whenDurable: @Sendable () -> Void = {}) async {
        await router.handle(admission, replier: replier, downloader: downloader, whenDurable: whenDurable)
    }

    /// The platform-neutral message and request of `update`.
    func read(_ update: TelegramUpdate) -> (InboundMessage, ChatRequest)? {
        if let message = update.message, var inbound = Self.inbound(message) {
            inbound.updateID = update.updateID
            if let attachment = message.attachment {
                // A caption is the prompt, never a command: "/new" under a photo is text about the photo.
                inbound.text = message.caption ?? ""
                inbound.attachments = [attachment]
                return (inbound, .prompt)
            }
            guard let text = message.text else { return (inbound, .notText) }
            switch TelegramCommand.parse(text, botUsername: botUsername) {
            case .notACommand: return (inbound, .prompt)
            case .addressedToAnotherBot: return nil
            case .command(let command): return (inbound, command.request)
            }
        }
        // Running an edit would run the prompt a second time; the user is asked to send it again instead.
        if let edited = update.editedMessage, let inbound = Self.inbound(edited) {
            return (inbound, .notText)
        }
        return nil
    }

    /// The platform-neutral form of `message`; nil for messages without a human sender (channel posts, bots).
    static func inbound(_ message: TelegramMessage) -> InboundMessage? {
        guard let sender = message.from, !sender.isBot else { return nil }
        let user = ChatUser(
            platform: .telegram, id: String(sender.id), username: sender.username, displayName: sender.displayName)
        return InboundMessage(
            user: user, chatID: String(message.chat.id), messageID: String(message.messageID),
            text: message.text ?? "", sentAt: message.sentAt)
    }
}
