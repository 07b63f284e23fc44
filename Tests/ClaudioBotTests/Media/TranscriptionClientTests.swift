import ClaudioTestSupport
import Foundation
import Shared
import Testing

@testable import ClaudioBot

@Suite("The transcription client against a fake OpenAI-compatible server (SPEC §15)")
struct TranscriptionClientTests {
    static let key = "sk-test-transcription-key-0123456789"

    func client(_ server: FakeTranscriptionServer, key: String? = key, timeout: Duration = .seconds(30))
        -> TranscriptionClient
    {
        TranscriptionClient(
            http: HTTPClient(redacting: [key].compactMap { $0 }), baseURL: server.baseURL, apiKey: key,
            model: "whisper-1", timeout: timeout)
    }

    @Test("multipart with the audio as `file` under its audio name, the model and the key; the text comes back")
    func request() async throws {
        try await FakeTranscriptionServer.withServer(apiKey: Self.key) { server in
            await server.state.script(.text("  list the files here \n"))
            let text = try await client(server).transcribe(Data("OggS…".utf8), fileName: "voice.ogg")
            #expect(text == "list the files here")
            let sent = try #require(await server.state.requests.first)
            #expect(sent.authorization == "Bearer \(Self.key)")
            #expect(sent.fileName == "voice.ogg" && sent.model == "whisper-1" && sent.responseFormat == "json")
            #expect(sent.audio == Data("OggS…".utf8))
        }
    }

    @Test("without a key no Authorization header is sent (a local Whisper server)")
    func noKey() async throws {
        try await FakeTranscriptionServer.withServer { server in
            _ = try await client(server, key: nil).transcribe(Data("hello".utf8), fileName: "voice.ogg")
            #expect(await server.state.requests.first?.authorization == nil)
        }
    }

    @Test("a 500 is an error naming the service's host, the status and its message")
    func serverError() async throws {
        try await FakeTranscriptionServer.withServer { server in
            await server.state.script(.error(status: 500, message: "the model is overloaded"))
            let error = await #expect(throws: TranscriptionError.self) {
                try await client(server).transcribe(Data("x".utf8), fileName: "voice.ogg")
            }
            #expect(error?.description == "the speech-to-text service at 127.0.0.1 answered HTTP 500: the model is overloaded")
        }
    }

    @Test("a wrong key is the service's 401, and the key is never in the error")
    func wrongKey() async throws {
        try await FakeTranscriptionServer.withServer(apiKey: "sk-the-right-one-0123456789") { server in
            let error = await #expect(throws: TranscriptionError.self) {
                try await client(server).transcribe(Data("x".utf8), fileName: "voice.ogg")
            }
            let text = error?.description ?? ""
            #expect(text.contains("HTTP 401") && !text.contains(Self.key))
        }
    }

    @Test("a service that does not answer in time is a timeout naming the limit")
    func timeout() async throws {
        try await FakeTranscriptionServer.withServer { server in
            await server.state.script(.hang)
            let error = await #expect(throws: TranscriptionError.self) {
                try await client(server, timeout: .milliseconds(300)).transcribe(Data("x".utf8), fileName: "voice.ogg")
            }
            #expect(error == .timedOut(host: "127.0.0.1", after: .milliseconds(300)))
            #expect(error?.description == "the speech-to-text service at 127.0.0.1 did not answer within 0.3 s")
        }
    }

    @Test("an empty transcript means no speech was recognized")
    func emptyTranscript() async throws {
        try await FakeTranscriptionServer.withServer { server in
            await server.state.script(.text("   "))
            await #expect(throws: TranscriptionError.noSpeech) {
                try await client(server).transcribe(Data("x".utf8), fileName: "voice.ogg")
            }
        }
    }
}
