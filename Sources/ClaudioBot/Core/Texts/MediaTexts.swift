/// The texts of voice notes and files from the chat (SPEC §15). Users and tests rely on the quoted ones word for word.
enum MediaTexts {
    static let voiceNotEnabled = "🎤 Voice notes are not enabled on this Claudio."

    /// What the sender sees of their voice note before it runs.
    static func transcript(_ text: String) -> String {
        "🎤 \(text)"
    }

    static func couldNotTranscribe(_ reason: String) -> String {
        "❌ Could not transcribe the voice note: \(reason)"
    }

    static func voiceTooLong(seconds: Double, max: Int) -> String {
        "❌ Voice note too long: \(Int(seconds.rounded(.up))) seconds (max \(max)). "
            + "Please send a shorter one, or type the prompt."
    }

    /// - Parameter bytes: the file's size; nil when only the download found it too large.
    static func fileTooLarge(bytes: Int?, max: Int) -> String {
        let size = bytes.map { "\(ByteCountText.megabytes($0)) MB" } ?? "more than \(ByteCountText.megabytes(max)) MB"
        return "❌ File too large: \(size) (max \(ByteCountText.megabytes(max)) MB)."
    }

    static func couldNotReceive(_ name: String, reason: String) -> String {
        "❌ Could not receive the file “\(name)”: \(reason)"
    }

    /// A channel that hands the router no downloader (none does today; a safeguard for a new one).
    static let filesNotReceived = "❌ This chat cannot receive files. Please send your prompt as text."

    /// The prompt of an upload without a caption.
    static let defaultUploadPrompt = "Look at the file I uploaded."

    /// The first line of an upload's prompt: where the file is, relative to the workspace, and its size.
    static func uploadedLine(path: String, bytes: Int) -> String {
        "[uploaded: \(path), \(ByteCountText.format(bytes))]"
    }

    /// A voice note or file Claudio was still receiving when it stopped without shutting down (Slack cannot offer
    /// it again, so its sender is told).
    static func interruptedByRestart(_ what: String) -> String {
        "⚠️ Claudio stopped while it was receiving your \(what), so nothing was run. Please send it again."
    }
}
