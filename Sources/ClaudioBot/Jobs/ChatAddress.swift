import Shared

/// Where a job's replies go: a chat, and on Slack the thread inside it.
struct ChatAddress: Sendable, Hashable {
    var platform: Platform
    var chatID: String
    var threadID: String?

    /// One queue per chat: a Slack thread shares its channel's queue.
    var chatKey: ChatKey { ChatKey(platform: platform, chatID: chatID) }
}

/// A chat on a platform: the unit of "one job at a time".
struct ChatKey: Sendable, Hashable {
    var platform: Platform
    var chatID: String
}
