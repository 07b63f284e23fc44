/// The fields Claudio reads from Telegram's file objects (`Voice`, `Audio`, `Document`, `PhotoSize`): they share
/// `file_id` and `file_size`, and add a duration, a name, a MIME type or a picture's size.
///
/// Decoding is lenient: only `file_id` is required, a missing or odd optional field is nil.
struct TelegramFileInfo: Decodable, Sendable, Equatable {
    /// What `getFile` is asked for.
    var fileID: String
    var fileSize: Int?
    /// Seconds (voice notes, audio).
    var duration: Double?
    var fileName: String?
    var mimeType: String?
    /// Pixels (photo sizes).
    var width: Int?
    var height: Int?

    init(
        fileID: String, fileSize: Int? = nil, duration: Double? = nil, fileName: String? = nil,
        mimeType: String? = nil, width: Int? = nil, height: Int? = nil
    ) {
        self.fileID = fileID
        self.fileSize = fileSize
        self.duration = duration
        self.fileName = fileName
        self.mimeType = mimeType
        self.width = width
        self.height = height
    }

    private enum CodingKeys: String, CodingKey {
        case fileID = "file_id", fileSize = "file_size", duration, fileName = "file_name", mimeType = "mime_type"
        case width, height
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        fileID = try container.decode(String.self, forKey: .fileID)
        fileSize = container.lenientValue(Int.self, forKey: .fileSize)
        duration = container.lenientValue(Double.self, forKey: .duration)
        fileName = container.lenientValue(String.self, forKey: .fileName)
        mimeType = container.lenientValue(String.self, forKey: .mimeType)
        width = container.lenientValue(Int.self, forKey: .width)
        height = container.lenientValue(Int.self, forKey: .height)
    }

    /// The same file as a platform-neutral attachment of `kind`.
    func attachment(_ kind: ChatAttachment.Kind) -> ChatAttachment {
        ChatAttachment(
            kind: kind, reference: fileID, fileName: fileName, mimeType: mimeType, size: fileSize, duration: duration)
    }
}
