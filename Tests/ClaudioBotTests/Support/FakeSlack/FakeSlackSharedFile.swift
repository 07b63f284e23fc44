import Foundation

/// A file a fake user shares in a message: a document, or an audio clip recorded in Slack.
struct FakeSlackSharedFile: Sendable {
    var name: String
    var mimeType: String
    var data: Data
    /// `slack_audio` for an audio clip.
    var subtype: String?
    var durationMilliseconds: Int?
    /// The `size` the event states; the data's size when nil.
    var statedSize: Int?

    static func document(_ name: String, _ text: String, mimeType: String = "text/plain") -> FakeSlackSharedFile {
        FakeSlackSharedFile(name: name, mimeType: mimeType, data: Data(text.utf8))
    }

    /// An audio clip whose "speech" is `words` (the fake transcription service reads the bytes as text).
    static func audioClip(saying words: String, seconds: Int = 5) -> FakeSlackSharedFile {
        FakeSlackSharedFile(
            name: "audio_message.webm", mimeType: "audio/webm", data: Data(words.utf8), subtype: "slack_audio",
            durationMilliseconds: seconds * 1000)
    }
}
