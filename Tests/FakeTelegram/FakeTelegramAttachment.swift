/// A file a fake user sends, shaped like the Bot API's `voice`, `audio`, `document` or `photo`.
package enum FakeTelegramAttachment: Sendable {
    case voice(duration: Int)
    case audio(duration: Int, fileName: String?, mimeType: String)
    case document(fileName: String?, mimeType: String?)
    /// Telegram sends a photo in several sizes; the fake sends a thumbnail and the full picture.
    case photo
}
