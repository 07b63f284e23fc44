import Foundation
import Hummingbird

/// A fake OpenAI-compatible speech-to-text service on 127.0.0.1 (a free port): `POST /v1/audio/transcriptions` with a
/// multipart body (`file`, `model`, `response_format`), answering `{"text": …}`, scripted errors, or nothing at all.
/// Point Claudio at it with `TRANSCRIPTION_API_URL=<baseURL>`.
package struct FakeTranscriptionServer: Sendable {
    /// `http://127.0.0.1:<port>/v1`.
    package let baseURL: String
    package let state: FakeTranscriptionState

    /// Runs `body` while the server is up, then releases hanging requests and stops it.
    /// - Parameter apiKey: the key requests must carry; nil accepts any (a local server without one).
    package static func withServer<Result: Sendable>(
        apiKey: String? = nil, _ body: @Sendable (FakeTranscriptionServer) async throws -> Result
    ) async throws -> Result {
        let state = FakeTranscriptionState(apiKey: apiKey)
        let router = Router()
        router.post("v1/audio/transcriptions") { request, _ -> Response in
            let body = try await request.body.collect(upTo: 64 << 20)
            let form = MultipartFormData(
                body: Data(body.readableBytesView), contentType: request.headers[.contentType] ?? "")
            let file = form?["file"]
            let reply = await state.answer(
                FakeTranscriptionRequest(
                    authorization: request.headers[.authorization], model: form?["model"]?.text,
                    responseFormat: form?["response_format"]?.text, fileName: file?.filename,
                    audio: file?.data ?? Data()))
            return response(reply)
        }
        return try await LocalServer.run(router: router, logLabel: "claudio.tests.fake-transcription") { port in
            try await body(FakeTranscriptionServer(baseURL: "http://127.0.0.1:\(port)/v1", state: state))
        } beforeStopping: {
            await state.close()
        }
    }

    private static func response(_ reply: FakeTranscriptionReply) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        let (status, object): (Int, [String: Any])
        switch reply {
        case .text(let text): (status, object) = (200, ["text": text])
        case .error(let code, let message): (status, object) = (code, ["error": ["message": message, "type": "fake"]])
        case .hang: (status, object) = (503, ["error": ["message": "the server stopped"]])
        }
        let data = (try? JSONSerialization.data(withJSONObject: object)) ?? Data()
        return Response(status: .init(code: status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
