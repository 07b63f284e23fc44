/// A message Claudio posted, which it may edit later.
package struct PostedMessage: Sendable, Hashable {
    package var address: ChatAddress
    /// Telegram `message_id`, Slack `ts`.
    package var messageID: String

    package init(address: ChatAddress, messageID: String) {
        self.address = address
        self.messageID = messageID
    }
}
