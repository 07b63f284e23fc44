import Shared

/// Claude sessions are kept per (platform, chat, user): two people in one group chat have separate conversations.
struct SessionKey: Sendable, Hashable {
    var platform: Platform
    var chatID: String
    var userID: String
}
