/// A message Claudio posted, which it may edit later.
struct PostedMessage: Sendable, Hashable {
    var address: ChatAddress
    /// Telegram `message_id`, Slack `ts`.
    var messageID: String
}
