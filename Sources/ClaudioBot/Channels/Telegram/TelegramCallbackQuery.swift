/// A press of an inline keyboard button (`CallbackQuery`): who pressed, under which message, and the button's data.
/// Every one must be answered (`answerCallbackQuery`), or the user's client keeps showing a spinner.
struct TelegramCallbackQuery: Decodable, Sendable, Equatable {
    var id: String
    var from: TelegramUser
    /// The message the button was under; absent when it is too old for Telegram to include.
    var message: TelegramMessage?
    /// The button's `callback_data`: untrusted, whoever sent it.
    var data: String?

    init(id: String, from: TelegramUser, message: TelegramMessage? = nil, data: String? = nil) {
        self.id = id
        self.from = from
        self.message = message
        self.data = data
    }

    private enum CodingKeys: String, CodingKey {
        case id, from, message, data
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        from = try container.decode(TelegramUser.self, forKey: .from)
        // An inaccessible message comes with fewer fields; the press still counts.
        message = try? container.decodeIfPresent(TelegramMessage.self, forKey: .message)
        data = container.lenientValue(String.self, forKey: .data)
    }
}
