/// `getFile`'s answer (`File`): where the file can be downloaded, for at least an hour.
struct TelegramFile: Decodable, Sendable, Equatable {
    var fileID: String
    var fileSize: Int?
    /// The path under `<base>/file/bot<token>/`; absent when Telegram will not serve the file (over 20 MB).
    var filePath: String?

    private enum CodingKeys: String, CodingKey {
        case fileID = "file_id", fileSize = "file_size", filePath = "file_path"
    }
}
