/// A message the bot sent, as the chat shows it now.
package struct FakeTelegramMessage: Sendable, Equatable {
    package var messageID: Int64
    package var chatID: Int64
    /// The visible text, after entity parsing.
    package var text: String
    /// The HTML the bot sent when it used `parse_mode: HTML`.
    package var html: String?
    package var editCount = 0
}
