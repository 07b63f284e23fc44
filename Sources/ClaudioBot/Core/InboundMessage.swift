import Foundation
import Shared

/// A text message as a channel received it, before any check. Platform-neutral.
package struct InboundMessage: Sendable {
    var user: ChatUser
    /// Where to answer: a Telegram chat ID or a Slack channel ID.
    var chatID: String
    /// Slack thread to answer in; nil on Telegram.
    var threadID: String?
    /// The platform's ID of this message (Telegram message_id, Slack ts).
    var messageID: String?
    var text: String
    /// When the platform says the user sent it (used for `OFFLINE_MESSAGE_MAX_AGE`).
    var sentAt: Date
    /// Telegram's `update_id`: the intake keeps it with an accepted prompt, so the update is recognized when Telegram
    /// offers it again after a crash. Nil on Slack.
    var updateID: Int64?

    package init(user: ChatUser, chatID: String, threadID: String? = nil, messageID: String? = nil, text: String, sentAt: Date) {
        self.user = user
        self.chatID = chatID
        self.threadID = threadID
        self.messageID = messageID
        self.text = text
        self.sentAt = sentAt
    }
}

extension InboundMessage {
    var address: ChatAddress { ChatAddress(platform: user.platform, chatID: chatID, threadID: threadID) }
    var sessionKey: SessionKey { SessionKey(platform: user.platform, chatID: chatID, userID: user.id) }
}
