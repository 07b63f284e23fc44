import ClaudioTestSupport
import FakeTelegram
import Foundation
import Shared
import Testing

@testable import ClaudioBot

@Suite("Telegram voice notes, audio, documents and photos through the fake Bot API (SPEC §15)")
struct TelegramMediaTests {
    private let user = TelegramChannelHarness.authorizedUser
    private let stranger = TelegramChannelHarness.strangerUser

    /// A channel against the fake Bot API, transcribing with `transcription` (voice notes off when nil) and saving
    /// uploads in a scratch workspace.
    func withChannel(
        transcription: FakeTranscriptionServer?, environment: [String: String] = [:],
        transcriptionTimeout: Duration = .seconds(30),
        _ body: @Sendable (TelegramChannelHarness, ScratchDirectory) async throws -> Void
    ) async throws {
        let workspace = try ScratchDirectory()
        defer { workspace.remove() }
        var variables = ["WORKSPACE_PATH": workspace.path]
        if let transcription { variables["TRANSCRIPTION_API_URL"] = transcription.baseURL }
        variables.merge(environment) { $1 }
        try await TelegramChannelHarness.with(environment: variables, transcriptionTimeout: transcriptionTimeout) {
            harness in
            try await harness.serving(harness.makeChannel()) { try await body(harness, workspace) }
        }
    }

    @Test("a voice note and an audio file: downloaded, transcribed under their audio names, shown, then run")
    func voiceAndAudio() async throws {
        try await FakeTranscriptionServer.withServer { transcription in
            try await withChannel(transcription: transcription) { harness, _ in
                let fake = harness.fake
                await fake.state.enqueueFile(.voice(duration: 4), data: Data("what is in this folder".utf8), from: user)
                try await fake.waitForText("🎤 what is in this folder", inChat: user)
                try await fake.waitForText("echo: what is in this folder", inChat: user)
                await fake.state.enqueueFile(
                    .audio(duration: 30, fileName: "memo.mp3", mimeType: "audio/mpeg"), data: Data("play it".utf8),
                    from: user)
                try await fake.waitForText("echo: play it", inChat: user)
                let requests = await transcription.state.requests
                #expect(requests.map(\.fileName) == ["voice.ogg", "voice.mp3"])
                #expect(requests.map(\.model) == ["whisper-1", "whisper-1"])
                #expect(await fake.state.downloads.count == 2)
            }
        }
    }

    @Test("documents are saved under uploads/<day>/ with safe, never-overwritten names; the caption runs")
    func documents() async throws {
        try await withChannel(transcription: nil) { harness, workspace in
            let fake = harness.fake
            let folder = UploadsToday.folder
            await fake.state.enqueueFile(
                .document(fileName: "report.txt", mimeType: "text/plain"), data: Data("first report".utf8),
                caption: "summarise it", from: user)
            try await fake.waitForText("echo: [uploaded: \(folder)/report.txt, 12 bytes]", inChat: user)
            await fake.state.enqueueFile(
                .document(fileName: "report.txt", mimeType: "text/plain"), data: Data("second".utf8), from: user)
            try await fake.waitForText("\(folder)/report-2.txt, 6 bytes", inChat: user)
            try await fake.waitForText(MediaTexts.defaultUploadPrompt, inChat: user)
            let hostile = "../../.bashrc\u{07}" + String(repeating: "x", count: 300)
            await fake.state.enqueueFile(.document(fileName: hostile, mimeType: nil), data: Data("x".utf8), from: user)
            try await fake.waitForText("\(folder)/bashrc" + String(repeating: "x", count: 114) + ", 1 byte]", inChat: user)
            #expect(try String(contentsOfFile: "\(workspace.path)/\(folder)/report.txt", encoding: .utf8) == "first report")
            #expect(try String(contentsOfFile: "\(workspace.path)/\(folder)/report-2.txt", encoding: .utf8) == "second")
            #expect(!FileManager.default.fileExists(atPath: workspace.path + "/.bashrc"))
        }
    }

    @Test("a photo: the largest size is saved as photo-<HHMMSS>.jpg")
    func photo() async throws {
        try await withChannel(transcription: nil) { harness, workspace in
            let fake = harness.fake
            await fake.state.enqueueFile(.photo, data: Data("full-size picture".utf8), caption: "what is this", from: user)
            let answer = try await fake.waitForText("echo: [uploaded: \(UploadsToday.folder)/photo-", inChat: user)
            #expect(answer.text?.contains(".jpg, 17 bytes] what is this") == true)
            let saved = try FileManager.default.contentsOfDirectory(atPath: "\(workspace.path)/\(UploadsToday.folder)")
            #expect(saved.count == 1 && saved[0].hasPrefix("photo-") && saved[0].hasSuffix(".jpg"))
            #expect(await fake.state.downloads == ["photos/file_2.jpg"], "the thumbnail is not fetched")
        }
    }

    @Test("refused without any download: a voice note too long, a file too large, a stranger's voice note")
    func refusedWithoutDownload() async throws {
        try await FakeTranscriptionServer.withServer { transcription in
            try await withChannel(transcription: transcription, environment: ["MAX_UPLOAD_BYTES": "1000000"]) {
                harness, _ in
                let fake = harness.fake
                await fake.state.enqueueFile(.voice(duration: 601), data: Data("long".utf8), from: user)
                try await fake.waitForText("❌ Voice note too long: 601 seconds (max 600)", inChat: user)
                await fake.state.enqueueFile(
                    .document(fileName: "huge.iso", mimeType: nil), data: Data("x".utf8), from: user,
                    statedSize: 25_300_000)
                try await fake.waitForText("❌ File too large: 25.3 MB (max 1 MB).", inChat: user)
                await fake.state.enqueueFile(.voice(duration: 3), data: Data("let me in".utf8), from: stranger)
                try await fake.waitForText(GateReplies.accessDenied, inChat: stranger)
                #expect(await fake.state.calls("getFile").isEmpty)
                #expect(await fake.state.downloads.isEmpty)
                #expect(await transcription.state.requests.isEmpty)
                #expect(harness.claude.recordedPIDs.isEmpty)
            }
        }
    }

    @Test("voice notes not enabled: the fixed reply and no download")
    func voiceNotEnabled() async throws {
        try await withChannel(transcription: nil) { harness, _ in
            let fake = harness.fake
            await fake.state.enqueueFile(.voice(duration: 3), data: Data("hello".utf8), from: user)
            try await fake.waitForText(MediaTexts.voiceNotEnabled, inChat: user)
            #expect(await fake.state.calls("getFile").isEmpty)
        }
    }

    @Test("a transcription that fails with 500 says so, and nothing runs")
    func transcriptionFails() async throws {
        try await FakeTranscriptionServer.withServer { transcription in
            await transcription.state.script(.error(status: 500, message: "upstream exploded"))
            try await withChannel(transcription: transcription) { harness, _ in
                let fake = harness.fake
                await fake.state.enqueueFile(.voice(duration: 3), data: Data("hello".utf8), from: user)
                try await fake.waitForText(
                    "❌ Could not transcribe the voice note: the speech-to-text service at 127.0.0.1 answered HTTP 500: "
                        + "upstream exploded.", inChat: user)
                #expect(harness.claude.recordedPIDs.isEmpty)
            }
        }
    }

    @Test("a transcription that takes longer than its timeout says so, and nothing runs")
    func transcriptionTimesOut() async throws {
        try await FakeTranscriptionServer.withServer { transcription in
            await transcription.state.script(.hang)
            try await withChannel(transcription: transcription, transcriptionTimeout: .milliseconds(500)) {
                harness, _ in
                let fake = harness.fake
                await fake.state.enqueueFile(.voice(duration: 3), data: Data("hello".utf8), from: user)
                try await fake.waitForText("did not answer within 0.5 s.", inChat: user)
                #expect(harness.claude.recordedPIDs.isEmpty)
            }
        }
    }
}
