import Foundation

/// A message (`Message`) as Claudio reads it: who sent it where and when, its text when it has one, and the voice
/// note, audio file, document or photo it carries (SPEC §15), with their caption.
///
/// `message_id`, `chat` and `date` are required (a message without them cannot be answered); `from` must be well
/// formed when present. A file that cannot be read is left out, so the message counts as one Claudio cannot use.
struct TelegramMessage: Decodable, Sendable, Equatable {
    var messageID: Int64
    /// Absent for posts in channels.
    var from: TelegramUser?
    var chat: TelegramChat
    /// Unix time the user sent it.
    var date: Int64
    var text: String?
    /// The text that came with a file.
    var caption: String?
    var voice: TelegramFileInfo?
    var audio: TelegramFileInfo?
    var document: TelegramFileInfo?
    /// The same picture in several sizes.
    var photo: [TelegramFileInfo]?

    init(
        messageID: Int64, from: TelegramUser?, chat: TelegramChat, date: Int64, text: String?, caption: String? = nil,
        voice: TelegramFileInfo? = nil, audio: TelegramFileInfo? = nil, document: TelegramFileInfo? = nil,
        photo: [TelegramFileInfo]? = nil
    ) {
        self.messageID = messageID
        self.from = from
        self.chat = chat
        self.date = date
        self.text = text
        self.caption = caption
        self.voice = voice
        self.audio = audio
        self.document = document
        self.photo = photo
    }

    private enum CodingKeys: String, CodingKey {
        case messageID = "message_id", from, chat, date, text, caption, voice, audio, document, photo
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        messageID = try container.decode(Int64.self, forKey: .messageID)
        from = try container.decodeIfPresent(TelegramUser.self, forKey: .from)
        chat = try container.decode(TelegramChat.self, forKey: .chat)
        date = try container.decode(Int64.self, forKey: .date)
        text = container.lenientValue(String.self, forKey: .text)
        caption = container.lenientValue(String.self, forKey: .caption)
        voice = container.lenientValue(TelegramFileInfo.self, forKey: .voice)
        audio = container.lenientValue(TelegramFileInfo.self, forKey: .audio)
        document = container.lenientValue(TelegramFileInfo.self, forKey: .document)
        photo = container.lenientValue([TelegramFileInfo].self, forKey: .photo)
    }

    /// The file Claudio takes from the message: a voice note, an audio file, a document, or a photo's largest size.
    var attachment: ChatAttachment? {
        if let voice { return voice.attachment(.voice) }
        if let audio { return audio.attachment(.audio) }
        if let document { return document.attachment(.document) }
        let largest = photo?.max { ($0.width ?? 0) * ($0.height ?? 0) < ($1.width ?? 0) * ($1.height ?? 0) }
        return largest?.attachment(.photo)
    }

    var sentAt: Date { Date(timeIntervalSince1970: TimeInterval(date)) }
}
