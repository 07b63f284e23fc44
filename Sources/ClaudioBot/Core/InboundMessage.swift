import Foundation
import Shared

/// A message as a channel received it, before any check: its text, and the files that came with it (SPEC §15).
/// Platform-neutral.
package struct InboundMessage: Sendable {
    var user: ChatUser
    /// Where to answer: a Telegram chat ID or a Slack channel ID.
    var chatID: String
    /// Slack thread to answer in; nil on Telegram.
    var threadID: String?
    /// The platform's ID of this message (Telegram message_id, Slack ts).
    var messageID: String?
    /// The text, or a file's caption.
    var text: String
    /// Voice notes and files sent with the message; the text is then their caption.
    var attachments: [ChatAttachment] = []
    /// When the platform says the user sent it (used for `OFFLINE_MESSAGE_MAX_AGE`).
    var sentAt: Date
    /// Telegram's `update_id`: the intake keeps it with an accepted prompt, so the update is recognized when Telegram
    /// offers it again after a crash. Nil on Slack.
    var updateID: Int64?

    package init(
        user: ChatUser, chatID: String, threadID: String? = nil, messageID: String? = nil, text: String,
        attachments: [ChatAttachment] = [], sentAt: Date
    ) {
        self.user = user
        self.chatID = chatID
        self.threadID = threadID
        self.messageID = messageID
        self.text = text
        self.attachments = attachments
        self.sentAt = sentAt
    }
}

extension InboundMessage {
    var address: ChatAddress { ChatAddress(platform: user.platform, chatID: chatID, threadID: threadID) }
    var sessionKey: SessionKey { SessionKey(platform: user.platform, chatID: chatID, userID: user.id) }
    /// Whether the platform offers the message again until Claudio confirms it (a Telegram update): then nothing needs
    /// storing before the message's prompt is (SPEC §18).
    var isOfferedAgainUntilConfirmed: Bool { updateID != nil }
}
