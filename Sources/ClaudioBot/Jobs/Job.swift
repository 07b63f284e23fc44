import Foundation
import Shared

/// One accepted prompt, from the moment it is queued until its answer is delivered.
struct Job: Sendable, Identifiable {
    let id: String
    let user: ChatUser
    let address: ChatAddress
    let prompt: String
    let queuedAt: Date
    /// Answers in the job's chat: the channel's replier the prompt came through.
    let replier: any ChatReplier
    let control: JobControl
    /// The message that carried the prompt (Telegram `message_id`, Slack `ts`), for questions that reply to it.
    var promptMessageID: String?

    /// Who asked what, where, as the admin API and the history show it.
    var origin: JobOrigin {
        JobOrigin(
            id: id, platform: address.platform, chatID: address.chatID, userID: user.id, username: user.username,
            promptExcerpt: TextSanitizer.excerpt(prompt, limit: 80))
    }

    var sessionKey: SessionKey {
        SessionKey(platform: address.platform, chatID: address.chatID, userID: user.id)
    }

    init(id: String, user: ChatUser, address: ChatAddress, prompt: String, queuedAt: Date, replier: any ChatReplier) {
        self.id = id
        self.user = user
        self.address = address
        self.prompt = prompt
        self.queuedAt = queuedAt
        self.replier = replier
        self.control = JobControl()
    }
}
