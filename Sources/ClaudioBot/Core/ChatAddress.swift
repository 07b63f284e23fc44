import Shared

/// Where a job's replies go: a chat, and on Slack the thread inside it.
package struct ChatAddress: Sendable, Hashable {
    package var platform: Platform
    package var chatID: String
    package var threadID: String?

    package init(platform: Platform, chatID: String, threadID: String? = nil) {
        self.platform = platform
        self.chatID = chatID
        self.threadID = threadID
    }

    /// One queue per chat: a Slack thread shares its channel's queue.
    package var chatKey: ChatKey { ChatKey(platform: platform, chatID: chatID) }
}
