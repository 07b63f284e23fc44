import Foundation

/// Turns recorded speech into text: the seam between the media stage and a speech-to-text service.
protocol SpeechTranscriber: Sendable {
    /// The words spoken in `audio`.
    /// - Parameter fileName: the name the audio is sent under; its extension tells the service the format
    ///   (`voice.ogg`).
    func transcribe(_ audio: Data, fileName: String) async throws(TranscriptionError) -> String
}
