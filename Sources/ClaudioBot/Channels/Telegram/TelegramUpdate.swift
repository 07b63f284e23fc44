/// One incoming update (`Update`). Claudio asks only for `message` and `edited_message`; an update carrying
/// anything else decodes with both nil and is skipped.
struct TelegramUpdate: Decodable, Sendable, Equatable {
    var updateID: Int64
    var message: TelegramMessage?
    var editedMessage: TelegramMessage?

    init(updateID: Int64, message: TelegramMessage? = nil, editedMessage: TelegramMessage? = nil) {
        self.updateID = updateID
        self.message = message
        self.editedMessage = editedMessage
    }

    private enum CodingKeys: String, CodingKey {
        case updateID = "update_id", message, editedMessage = "edited_message"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        updateID = try container.decode(Int64.self, forKey: .updateID)
        message = try container.decodeIfPresent(TelegramMessage.self, forKey: .message)
        editedMessage = try container.decodeIfPresent(TelegramMessage.self, forKey: .editedMessage)
    }
}
