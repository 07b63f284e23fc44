import Logging
import Shared

/// Turns one Telegram update into the router call it stands for (SPEC §4.2): commands, prompts, and a short hint
/// for authorized users who send something other than text.
struct TelegramUpdateHandler: Sendable {
    let router: MessageRouter
    let replier: any ChatReplier
    /// This bot's username from `getMe`, to tell `/cmd@thisbot` from `/cmd@otherbot`.
    let botUsername: String?
    var logger = Logger(label: "claudio.telegram")

    func handle(_ update: TelegramUpdate) async {
        if let message = update.message {
            await handleNewMessage(message)
        } else if let edited = update.editedMessage {
            // Running an edit would run the prompt a second time; the user is asked to send it again instead.
            guard let inbound = Self.inbound(edited) else { return }
            await askForText(inbound)
        }
    }

    /// Whether handling `update` twice (after a crash before its offset was stored) would be harmless: it comes from
    /// no human or from someone not on the allowlist, so nothing it leads to can start claude.
    func isHarmlessToRepeat(_ update: TelegramUpdate) async -> Bool {
        guard let message = update.message ?? update.editedMessage, let inbound = Self.inbound(message) else {
            return true
        }
        return await !router.gate.isAllowed(inbound.user)
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

    private func handleNewMessage(_ message: TelegramMessage) async {
        guard let inbound = Self.inbound(message) else { return }
        guard let text = message.text else {
            await askForText(inbound)
            return
        }
        switch TelegramCommand.parse(text, botUsername: botUsername) {
        case .notACommand:
            await router.handlePrompt(inbound, replier: replier)
        case .addressedToAnotherBot:
            return
        case .command(let command):
            await run(command, for: inbound)
        }
    }

    private func run(_ command: TelegramCommand, for message: InboundMessage) async {
        switch command {
        case .start, .help:
            await router.help(message, replier: replier)
        case .new:
            await router.newConversation(message, replier: replier)
        case .status:
            await router.status(message, replier: replier)
        case .cancel:
            await router.cancel(message, replier: replier)
        case .myID:
            let answer = await router.whoAmI(message)
            await replier.send(answer, to: message.address)
        case .unknown(let name):
            if await router.admit(message, replier: replier) {
                await replier.send(TelegramTexts.unknownCommand(name), to: message.address)
            }
        }
    }

    /// Only authorized users hear back: anyone else sending stickers to the bot (or into a group) gets nothing.
    private func askForText(_ message: InboundMessage) async {
        guard await router.gate.isAllowed(message.user) else { return }
        await replier.send(TelegramTexts.textOnly, to: message.address)
    }
}
