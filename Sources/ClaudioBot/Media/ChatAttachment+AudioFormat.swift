/// The name a voice note is sent to the speech-to-text service under. OpenAI tells audio formats apart by the file's
/// extension and accepts only some (flac, mp3, mp4, mpeg, mpga, m4a, ogg, wav, webm); Telegram stores voice notes as
/// `.oga`, which it does not know, although they are Ogg Opus.
extension ChatAttachment {
    var transcriptionFileName: String {
        "voice." + (Self.extensionsByMIMEType[mimeType?.lowercased() ?? ""] ?? extensionOfName ?? "ogg")
    }

    private static let extensionsByMIMEType: [String: String] = [
        "audio/ogg": "ogg", "audio/opus": "ogg", "audio/mpeg": "mp3", "audio/mp3": "mp3", "audio/mp4": "m4a",
        "audio/x-m4a": "m4a", "audio/m4a": "m4a", "audio/aac": "m4a", "audio/wav": "wav", "audio/x-wav": "wav",
        "audio/wave": "wav", "audio/webm": "webm", "audio/flac": "flac", "audio/x-flac": "flac", "video/mp4": "mp4",
        "video/webm": "webm",
    ]

    /// The extension of the sender's file name, as the service knows it; nil when it is none it accepts.
    private var extensionOfName: String? {
        guard let name = fileName, let dot = name.lastIndex(of: ".") else { return nil }
        let ending = name[name.index(after: dot)...].lowercased()
        switch ending {
        case "flac", "mp3", "mp4", "mpeg", "mpga", "m4a", "ogg", "wav", "webm": return ending
        case "oga", "opus": return "ogg"
        default: return nil
        }
    }
}
