/// Texts only the Telegram channel sends.
enum TelegramTexts {
    /// The answer to stickers, photos, documents, voice notes and edited messages from an authorized user.
    static let textOnly = "Please send your prompt as text."

    static func unknownCommand(_ name: String) -> String {
        "Unknown command /\(name). Send /help to see the commands."
    }
}
