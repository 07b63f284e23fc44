/// A message the bot sent, as the chat shows it now.
struct FakeTelegramMessage: Sendable, Equatable {
    var messageID: Int64
    var chatID: Int64
    /// The visible text, after entity parsing.
    var text: String
    /// The HTML the bot sent when it used `parse_mode: HTML`.
    var html: String?
    var editCount = 0
}
