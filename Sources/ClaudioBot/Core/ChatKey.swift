import Shared

/// A chat on a platform: the unit of "one job at a time".
package struct ChatKey: Sendable, Hashable {
    package var platform: Platform
    package var chatID: String

    package init(platform: Platform, chatID: String) {
        self.platform = platform
        self.chatID = chatID
    }
}
