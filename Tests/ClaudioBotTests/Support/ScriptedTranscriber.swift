import Foundation

@testable import ClaudioBot

/// A `SpeechTranscriber` that hears the audio's bytes as text, or fails as told.
struct ScriptedTranscriber: SpeechTranscriber {
    var failure: TranscriptionError?

    func transcribe(_ audio: Data, fileName: String) async throws(TranscriptionError) -> String {
        if let failure { throw failure }
        return String(decoding: audio, as: UTF8.self)
    }
}
