import Foundation
import Shared

/// Any OpenAI-compatible speech-to-text service (SPEC §15): OpenAI itself, or a local Whisper server
/// (faster-whisper, whisper.cpp) that speaks the same `POST <base>/audio/transcriptions`.
///
/// The request is multipart: the audio as `file` under a name with its format's extension (OpenAI tells formats apart
/// by it), `model`, and `response_format=json`; the key goes as `Authorization: Bearer` when there is one. The answer
/// is `{"text": …}`. The call goes through the daemon's libcurl client, whose thread does the waiting, so a slow
/// service occupies no thread of the cooperative pool.
struct TranscriptionClient: SpeechTranscriber {
    static let defaultTimeout: Duration = .seconds(300)

    let http: HTTPClient
    /// `TRANSCRIPTION_API_URL`, without a trailing slash.
    let baseURL: String
    /// `TRANSCRIPTION_API_KEY`; nil for a server that needs none.
    let apiKey: String?
    /// `TRANSCRIPTION_MODEL`.
    let model: String
    /// The whole exchange: a long voice note on a local server without a GPU takes a while.
    var timeout: Duration = Self.defaultTimeout

    /// The service's host, the only part of its URL a chat is shown.
    var host: String { URLComponents(string: baseURL)?.host ?? "the configured URL" }

    func transcribe(_ audio: Data, fileName: String) async throws(TranscriptionError) -> String {
        var headers = HTTPHeaders()
        if let apiKey { headers["Authorization"] = "Bearer \(apiKey)" }
        let request = HTTPRequest(
            method: .post, url: baseURL + "/audio/transcriptions", headers: headers,
            body: .multipart([
                .file(name: "file", filename: fileName, data: audio), .text(name: "model", value: model),
                .text(name: "response_format", value: "json"),
            ]),
            totalTimeout: timeout)
        let response: HTTPResponse
        do {
            response = try await http.send(request)
        } catch let error as HTTPClientError {
            switch error {
            case .cancelled, .clientShutDown: throw .cancelled
            case .timedOut: throw .timedOut(host: host, after: timeout)
            case .couldNotConnect(_, let message), .transferFailed(_, _, let message):
                throw .unreachable(host: host, detail: message)
            case .invalidRequest(_, let reason): throw .unreachable(host: host, detail: reason)
            case .responseTooLarge: throw .malformedAnswer(host: host)
            }
        } catch {
            throw .cancelled
        }
        guard response.isSuccess else {
            throw .rejected(host: host, status: response.statusCode, detail: errorMessage(in: response.body))
        }
        guard let answer = try? JSONDecoder().decode(Answer.self, from: response.body) else {
            throw .malformedAnswer(host: host)
        }
        let text = answer.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw .noSpeech }
        return text
    }

    private struct Answer: Decodable {
        var text: String
    }

    /// OpenAI's `{"error": {"message": …}}` (local servers often send `{"error": "…"}` or `{"detail": "…"}`), cut
    /// short and cleaned of control characters. It is shown in the chat, so the key is removed should a service quote
    /// it back (OpenAI quotes a masked fragment of a wrong key).
    private func errorMessage(in body: Data) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else { return nil }
        let message =
            (object["error"] as? [String: Any])?["message"] as? String ?? object["error"] as? String
            ?? object["detail"] as? String
        let redactor = apiKey.map { http.redactor.adding([$0]) } ?? http.redactor
        return message.map { TextSanitizer.excerpt(redactor.redact($0), limit: 200) }.flatMap { $0.isEmpty ? nil : $0 }
    }
}
