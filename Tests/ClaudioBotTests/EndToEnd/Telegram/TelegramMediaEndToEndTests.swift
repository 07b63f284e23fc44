import ClaudioTestSupport
import Foundation
import Shared
import Testing

@testable import ClaudioBot

@Suite("Voice notes and files through the built binary, the fake Bot API and a fake transcription service", .serialized)
struct TelegramMediaEndToEndTests {
    private let user = TelegramDaemonHarness.authorizedUser
    static let key = "sk-e2e-transcription-key-0123456789"
    static let openAIKey = "sk-e2e-openai-key-9876543210"

    @Test("a voice note is transcribed with the key and runs; the keys reach neither the log nor the job")
    func voiceNote() async throws {
        try await FakeTranscriptionServer.withServer(apiKey: Self.key) { transcription in
            try await TelegramDaemonHarness.with { harness in
                let fake = harness.fake
                let daemon = try await harness.start([
                    "TRANSCRIPTION_API_URL": transcription.baseURL, "TRANSCRIPTION_API_KEY": Self.key,
                    "OPENAI_API_KEY": Self.openAIKey,
                    "JOB_ENV_PASSTHROUGH": FakeClaude.passthrough + ",OPENAI_API_KEY,TRANSCRIPTION_*",
                ])
                await fake.sendText("/status", from: user)
                try await fake.waitForText("Voice notes: enabled (whisper-1 at 127.0.0.1, up to 600 s)", inChat: user)

                await fake.state.enqueueFile(.voice(duration: 2), data: Data("ENV".utf8), from: user)
                try await fake.waitForText("🎤 ENV", inChat: user)
                let answer = try await fake.waitForAnswer(containing: "env: ", inChat: user, timeout: .seconds(30))
                let environment = try #require(answer.text)
                #expect(!environment.contains(Self.key) && !environment.contains(Self.openAIKey))
                #expect(!environment.contains("OPENAI_API_KEY=") && !environment.contains("TRANSCRIPTION_API_KEY="))
                #expect(await transcription.state.requests.map(\.authorization) == ["Bearer \(Self.key)"])
                #expect(await daemon.waitForLog("voice note of telegram:\(user) transcribed"))
                #expect(!daemon.stderr.contains(Self.key) && !daemon.stderr.contains(Self.openAIKey))
            }
        }
    }

    @Test("a document is saved in the workspace's uploads folder and its caption runs with the file named first")
    func document() async throws {
        try await TelegramDaemonHarness.with { harness in
            let fake = harness.fake
            _ = try await harness.start()
            await fake.state.enqueueFile(
                .document(fileName: "../plan.md", mimeType: "text/markdown"), data: Data("# Plan\n1. ship\n".utf8),
                caption: "what is step one?", from: user)
            let folder = UploadsToday.folder
            let answer = try await fake.waitForText("echo: [uploaded: \(folder)/plan.md, 15 bytes]", inChat: user)
            #expect(answer.text?.contains("what is step one?") == true)
            let saved = try String(contentsOfFile: "\(harness.directory.path)/\(folder)/plan.md", encoding: .utf8)
            #expect(saved == "# Plan\n1. ship\n")
        }
    }
}
