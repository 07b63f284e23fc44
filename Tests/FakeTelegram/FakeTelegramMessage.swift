/// A message the bot sent, as the chat shows it now.
package struct FakeTelegramMessage: Sendable, Equatable {
    package var messageID: Int64
    package var chatID: Int64
    /// The visible text, after entity parsing.
    package var text: String
    /// The HTML the bot sent when it used `parse_mode: HTML`.
    package var html: String?
    package var editCount = 0
    /// The inline keyboard under the message, row by row; empty when it has none.
    package var buttons: [[FakeTelegramButton]] = []
}

/// A button of an inline keyboard: what it reads and the `callback_data` a press sends back.
package struct FakeTelegramButton: Sendable, Equatable {
    package var text: String
    package var data: String
}
