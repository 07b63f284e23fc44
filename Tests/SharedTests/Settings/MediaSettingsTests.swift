import Foundation
import Testing

@testable import Shared

@Suite("Voice-note and upload settings (SPEC §2, §15)")
struct MediaSettingsTests {
    let base = ["HOME": "/home/op", "TELEGRAM_BOT_TOKEN": SettingsLoaderTests.token, "ALLOWED_USER_IDS": "42"]

    func load(_ extra: [String: String], file: String? = nil) async throws(SettingsError) -> Settings {
        let environment = base.merging(extra) { $1 }
        guard let file else {
            return try SettingsLoader.settings(from: EnvironmentLayers(processEnvironment: environment))
        }
        let envFile = try! TemporaryEnvFile(file)
        defer { envFile.remove() }
        return try await SettingsLoader.load(processEnvironment: environment, envFilePath: envFile.path)
    }

    func issues(_ extra: [String: String]) async -> [SettingsIssue] {
        do {
            _ = try await load(extra)
            return []
        } catch {
            return error.issues
        }
    }

    @Test("defaults: OpenAI's URL, whisper-1, 600 s, 20 MB, and voice notes off without a key")
    func defaults() async throws {
        let settings = try await load([:])
        #expect(settings.transcriptionAPIURL == "https://api.openai.com/v1")
        #expect(settings.transcriptionAPIKey == nil)
        #expect(settings.transcriptionModel == "whisper-1")
        #expect(settings.maxVoiceSeconds == 600)
        #expect(settings.maxUploadBytes == 20_000_000)
        #expect(!settings.voiceNotesEnabled)
    }

    @Test("a key enables voice notes; so does an explicit URL without one (a local Whisper server)")
    func enabling() async throws {
        let keyed = try await load(["TRANSCRIPTION_API_KEY": "sk-transcription-key-0123456789"])
        #expect(keyed.voiceNotesEnabled && keyed.transcriptionAPIKey == "sk-transcription-key-0123456789")
        let local = try await load(["TRANSCRIPTION_API_URL": "http://127.0.0.1:8000/v1/"])
        #expect(local.voiceNotesEnabled && local.transcriptionAPIKey == nil)
        #expect(local.transcriptionAPIURL == "http://127.0.0.1:8000/v1")
    }

    @Test("OPENAI_API_KEY from the env file is the fallback; TRANSCRIPTION_API_KEY wins over it")
    func openAIFallback() async throws {
        let fallback = try await load([:], file: "OPENAI_API_KEY=sk-openai-from-file-0123456789\n")
        #expect(fallback.transcriptionAPIKey == "sk-openai-from-file-0123456789" && fallback.voiceNotesEnabled)
        let row = try #require(fallback.displayRows.first { $0.variable == "TRANSCRIPTION_API_KEY" })
        #expect(row.value == "sk-…(30 chars) (OPENAI_API_KEY)" && row.source == .file)
        #expect(fallback.secrets.contains("sk-openai-from-file-0123456789"))

        let both = try await load(
            ["TRANSCRIPTION_API_KEY": "sk-transcription-0123456789"], file: "OPENAI_API_KEY=sk-openai-0123456789\n")
        #expect(both.transcriptionAPIKey == "sk-transcription-0123456789")
    }

    @Test("bad values are named with the value, and a key is masked in the error")
    func badValues() async {
        let found = await issues([
            "TRANSCRIPTION_API_URL": "ftp://whisper", "TRANSCRIPTION_API_KEY": "sk-secret with-a-space-0123456789",
            "MAX_VOICE_SECONDS": "0", "MAX_UPLOAD_BYTES": "lots",
        ])
        #expect(found.map(\.variable).sorted() == [
            "MAX_UPLOAD_BYTES", "MAX_VOICE_SECONDS", "TRANSCRIPTION_API_KEY", "TRANSCRIPTION_API_URL",
        ])
        #expect(found.contains { $0.description.hasPrefix("TRANSCRIPTION_API_URL=\"ftp://whisper\"") })
        #expect(found.contains { $0.description.hasPrefix("MAX_UPLOAD_BYTES=\"lots\": not a whole number") })
        let key = found.first { $0.variable == "TRANSCRIPTION_API_KEY" }?.description ?? ""
        #expect(!key.contains("secret") && key.contains("sk-…(33 chars)"))
    }

    @Test("a bad OPENAI_API_KEY is reported under its own name")
    func badFallbackKey() async {
        let found = await issues(["OPENAI_API_KEY": "sk-line\nbreak-0123456789"])
        #expect(found.map(\.variable) == ["OPENAI_API_KEY"])
        #expect(!(found.first?.description.contains("break-0123") ?? true))
    }

    @Test("claudio check's rows show the key masked and every new variable")
    func displayRows() async throws {
        let settings = try await load([
            "TRANSCRIPTION_API_KEY": "sk-transcription-key-0123456789", "TRANSCRIPTION_MODEL": "large-v3",
        ])
        let rows = Dictionary(uniqueKeysWithValues: settings.displayRows.map { ($0.variable, $0.value) })
        #expect(rows["TRANSCRIPTION_API_KEY"] == "sk-…(31 chars)")
        #expect(rows["TRANSCRIPTION_MODEL"] == "large-v3")
        #expect(rows["MAX_VOICE_SECONDS"] == "600" && rows["MAX_UPLOAD_BYTES"] == "20000000")
        #expect(!rows.values.contains { $0.contains("0123456789") })
    }
}
