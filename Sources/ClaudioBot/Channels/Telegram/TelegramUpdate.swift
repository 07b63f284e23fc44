/// One incoming update (`Update`). Claudio asks only for `message`, `edited_message` and `callback_query`; an update
/// carrying anything else decodes with all of them nil and is skipped.
struct TelegramUpdate: Decodable, Sendable, Equatable {
    var updateID: Int64
    var message: TelegramMessage?
    var editedMessage: TelegramMessage?
    /// A button of Claudio's questions pressed.
    var callbackQuery: TelegramCallbackQuery?

    init(
        updateID: Int64, message: TelegramMessage? = nil, editedMessage: TelegramMessage? = nil,
        callbackQuery: TelegramCallbackQuery? = nil
    ) {
        self.updateID = updateID
        self.message = message
        self.editedMessage = editedMessage
        self.callbackQuery = callbackQuery
    }

    private enum CodingKeys: String, CodingKey {
        case updateID = "update_id", message, editedMessage = "edited_message", callbackQuery = "callback_query"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        updateID = try container.decode(Int64.self, forKey: .updateID)
        message = try container.decodeIfPresent(TelegramMessage.self, forKey: .message)
        editedMessage = try container.decodeIfPresent(TelegramMessage.self, forKey: .editedMessage)
        callbackQuery = try container.decodeIfPresent(TelegramCallbackQuery.self, forKey: .callbackQuery)
    }
}
