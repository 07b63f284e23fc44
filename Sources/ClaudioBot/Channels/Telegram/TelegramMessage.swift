import Foundation

/// A message (`Message`) as Claudio reads it: who sent it where and when, and its text when it has one.
///
/// `message_id`, `chat` and `date` are required (a message without them cannot be answered); `from` must be well
/// formed when present. Stickers, photos, documents and the like arrive without `text`.
struct TelegramMessage: Decodable, Sendable, Equatable {
    var messageID: Int64
    /// Absent for posts in channels.
    var from: TelegramUser?
    var chat: TelegramChat
    /// Unix time the user sent it.
    var date: Int64
    var text: String?

    init(messageID: Int64, from: TelegramUser?, chat: TelegramChat, date: Int64, text: String?) {
        self.messageID = messageID
        self.from = from
        self.chat = chat
        self.date = date
        self.text = text
    }

    private enum CodingKeys: String, CodingKey {
        case messageID = "message_id", from, chat, date, text
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        messageID = try container.decode(Int64.self, forKey: .messageID)
        from = try container.decodeIfPresent(TelegramUser.self, forKey: .from)
        chat = try container.decode(TelegramChat.self, forKey: .chat)
        date = try container.decode(Int64.self, forKey: .date)
        text = container.lenientValue(String.self, forKey: .text)
    }

    var sentAt: Date { Date(timeIntervalSince1970: TimeInterval(date)) }
}
