import Foundation

/// One `POST /v1/audio/transcriptions` as the fake transcription server read it.
package struct FakeTranscriptionRequest: Sendable, Equatable {
    /// The `Authorization` header, nil when none was sent.
    package var authorization: String?
    package var model: String?
    package var responseFormat: String?
    /// The `filename` of the `file` part, e.g. `voice.ogg`.
    package var fileName: String?
    package var audio: Data
}
