/// The fields Claudio reads from a Slack file object shared in a message (SPEC §15).
///
/// Decoding is lenient: every field is optional, since Slack leaves most of them out of a file it does not fully
/// share with the app (`file_access: check_file_info`) or that is hidden by the workspace's plan.
struct SlackFile: Decodable, Sendable, Equatable {
    var id: String?
    var name: String?
    var mimeType: String?
    /// `slack_audio` for an audio clip recorded in Slack, `slack_video` for a video clip.
    var subtype: String?
    var size: Int?
    /// An audio or video clip's length in milliseconds.
    var durationMilliseconds: Int?
    /// Downloadable with the bot token (scope `files:read`).
    var urlPrivateDownload: String?

    private enum CodingKeys: String, CodingKey {
        case id, name, subtype, size
        case mimeType = "mimetype", durationMilliseconds = "duration_ms", urlPrivateDownload = "url_private_download"
    }

    init(
        id: String? = nil, name: String? = nil, mimeType: String? = nil, subtype: String? = nil, size: Int? = nil,
        durationMilliseconds: Int? = nil, urlPrivateDownload: String? = nil
    ) {
        self.id = id
        self.name = name
        self.mimeType = mimeType
        self.subtype = subtype
        self.size = size
        self.durationMilliseconds = durationMilliseconds
        self.urlPrivateDownload = urlPrivateDownload
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = container.lenientValue(String.self, forKey: .id)
        name = container.lenientValue(String.self, forKey: .name)
        mimeType = container.lenientValue(String.self, forKey: .mimeType)
        subtype = container.lenientValue(String.self, forKey: .subtype)
        size = container.lenientValue(Int.self, forKey: .size)
        durationMilliseconds = container.lenientValue(Int.self, forKey: .durationMilliseconds)
        urlPrivateDownload = container.lenientValue(String.self, forKey: .urlPrivateDownload)
    }

    /// The file as a platform-neutral attachment: an audio clip or audio file is transcribed, anything else saved. A
    /// file without a download link keeps an empty reference, so its sender learns why it could not be fetched.
    var attachment: ChatAttachment {
        let isAudio = subtype == "slack_audio" || (mimeType?.lowercased().hasPrefix("audio/") ?? false)
        let kind: ChatAttachment.Kind = subtype == "slack_audio" ? .voice : isAudio ? .audio : .document
        return ChatAttachment(
            kind: kind, reference: urlPrivateDownload ?? "", fileName: name ?? id, mimeType: mimeType, size: size,
            duration: durationMilliseconds.map { Double($0) / 1000 })
    }
}
