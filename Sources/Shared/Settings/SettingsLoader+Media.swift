/// The settings of SPEC §15, voice notes and files from the chat: `TRANSCRIPTION_API_URL`, `TRANSCRIPTION_API_KEY`
/// (falling back to `OPENAI_API_KEY`), `TRANSCRIPTION_MODEL`, `MAX_VOICE_SECONDS`, `MAX_UPLOAD_BYTES`.
extension SettingsLoader {
    struct MediaSettings {
        var transcriptionURL = defaultTranscriptionURL
        var transcriptionKey: String?
        var transcriptionModel = "whisper-1"
        var voiceNotesEnabled = false
        var maxVoiceSeconds = 600
        var maxUploadBytes = 20_000_000
    }

    static let defaultTranscriptionURL = "https://api.openai.com/v1"

    static func parseMedia(_ parser: inout SettingsParser) -> MediaSettings {
        typealias V = SettingsVariable
        var media = MediaSettings()
        media.transcriptionURL = parser.url(V.transcriptionAPIURL, default: defaultTranscriptionURL)
        let urlIsExplicit = parser.sources[V.transcriptionAPIURL] != .default

        // The key of either name is checked under the name it was read from, so the error points at the right line.
        var keyName = V.transcriptionAPIKey
        var key = parser.string(V.transcriptionAPIKey)
        if key == nil {
            keyName = V.openAIAPIKey
            key = parser.string(V.openAIAPIKey)
        }
        // It goes into an Authorization header, where a space or a line break would break the request.
        if let candidate = key, !candidate.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) {
            parser.report(
                keyName, value: candidate, problem: "contains spaces, line breaks or non-ASCII characters",
                expected: "the API key exactly as the speech-to-text provider issued it")
            key = nil
        }
        media.transcriptionKey = key
        media.voiceNotesEnabled = key != nil || urlIsExplicit

        if let model = parser.string(V.transcriptionModel) {
            if model.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                parser.report(
                    V.transcriptionModel, value: model, problem: "contains control characters",
                    expected: "a model name such as whisper-1")
            } else {
                media.transcriptionModel = model
            }
        }
        media.maxVoiceSeconds = parser.integer(V.maxVoiceSeconds, default: 600, minimum: 1)
        media.maxUploadBytes = parser.integer(V.maxUploadBytes, default: 20_000_000, minimum: 1)
        return media
    }
}
