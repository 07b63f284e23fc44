/// What the media stage will do with a message's attachments, decided before anything is downloaded.
enum MediaPlan: Sendable, Equatable {
    /// One voice note or audio file: transcribe it, and run the transcript.
    case transcribe(ChatAttachment)
    /// Files: save each in the workspace, and run the caption with a line naming each.
    case save([ChatAttachment])
    /// Refused before any download (voice notes off, too long, too large): send `reply`, run nothing.
    case refuse(reply: String)

    /// What the sender sent, as a notice names it ("voice note", "file “report.pdf”", "3 files").
    var summary: String {
        switch self {
        case .transcribe: "voice note"
        case .save(let files) where files.count == 1: "file “\(files[0].fileName ?? "photo")”"
        case .save(let files): "\(files.count) files"
        case .refuse: "message"
        }
    }
}
