/// A file that came with a chat message (SPEC §15), as its channel described it before anything was downloaded:
/// enough to refuse it early (too long, too large) and for the channel's `AttachmentDownloader` to fetch it.
package struct ChatAttachment: Sendable, Equatable {
    package enum Kind: String, Sendable {
        /// A voice note (Telegram `voice`, a Slack audio clip): transcribed into the prompt.
        case voice
        /// An audio file (Telegram `audio`, an audio file on Slack): transcribed like a voice note.
        case audio
        /// Any other file: saved in the workspace.
        case document
        /// A picture Telegram sends without its name (the largest size is taken): saved in the workspace.
        case photo
    }

    package var kind: Kind
    /// How the channel's downloader finds the file: Telegram's `file_id`, Slack's `url_private_download`.
    package var reference: String
    /// The name the sender gave the file, if the platform says.
    package var fileName: String?
    package var mimeType: String?
    /// Bytes, as the platform states before the download; nil when it does not say.
    package var size: Int?
    /// Seconds of audio, as the platform states; nil when it does not say.
    package var duration: Double?

    package init(
        kind: Kind, reference: String, fileName: String? = nil, mimeType: String? = nil, size: Int? = nil,
        duration: Double? = nil
    ) {
        self.kind = kind
        self.reference = reference
        self.fileName = fileName
        self.mimeType = mimeType
        self.size = size
        self.duration = duration
    }

    /// Voice notes and audio files are transcribed; everything else is saved.
    package var isAudio: Bool { kind == .voice || kind == .audio }
}
