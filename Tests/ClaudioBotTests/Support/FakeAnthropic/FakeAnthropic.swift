import ClaudioTestSupport
import Foundation
import Hummingbird

/// A fake Anthropic Messages API on 127.0.0.1 (a free port) that the real Claude Code CLI talks to in tests:
/// `POST /v1/messages` answers with Server-Sent Events (or a whole message for `stream: false`) scripted by the
/// prompt (see `FakeAnthropicReply`), `POST /v1/messages/count_tokens` with a count, `HEAD` of any path (the CLI's
/// connectivity check) with 200, anything else with the API's 404. Every request is recorded with its conversation.
///
/// Point the CLI at it with `ANTHROPIC_BASE_URL=<baseURL>` and any `ANTHROPIC_API_KEY`.
struct FakeAnthropic: Sendable {
    /// `http://127.0.0.1:<port>`.
    let baseURL: String
    let state: FakeAnthropicState

    /// The server a suite shares (see `FakeAnthropicScope`); nil outside such a suite.
    @TaskLocal static var current: FakeAnthropic?

    /// Runs `body` while the server is up, then stops it.
    static func withServer<Result: Sendable>(_ body: @Sendable (FakeAnthropic) async throws -> Result) async throws
        -> Result
    {
        let state = FakeAnthropicState()
        return try await LocalServer.run(router: makeRouter(state: state), logLabel: "claudio.tests.fake-anthropic") {
            port in
            try await body(FakeAnthropic(baseURL: "http://127.0.0.1:\(port)", state: state))
        } beforeStopping: {
            await state.close()
        }
    }

    // MARK: - Waiting

    struct Timeout: Error, CustomStringConvertible {
        var waitingFor: String
        var requests: [FakeAnthropicRequest]

        var description: String {
            "timed out waiting for \(waitingFor); requests so far:\n"
                + requests.map(\.description).joined(separator: "\n")
        }
    }

    /// The first Messages API request whose prompt is `prompt`, received or still to come.
    /// - Throws: `Timeout` listing every request seen, when none arrives within `timeout`.
    @discardableResult
    func waitForRequest(prompt: String, timeout: Duration = .seconds(20)) async throws -> FakeAnthropicRequest {
        guard
            let request = await state.firstRequest(matching: { $0.isMessages && $0.prompt == prompt }, timeout: timeout)
        else {
            throw Timeout(
                waitingFor: "a request with prompt \(prompt.debugDescription)", requests: await state.requests)
        }
        return request
    }

    // MARK: - Routes

    private static func makeRouter(state: FakeAnthropicState) -> Router<BasicRequestContext> {
        let router = Router()
        router.post("v1/messages") { request, _ in
            let recorded = try await record(request, in: state)
            return respond(to: recorded)
        }
        router.post("v1/messages/count_tokens") { request, _ in
            let recorded = try await record(request, in: state)
            let words = recorded.userTexts.joined(separator: " ").split(separator: " ").count
            return json(status: .ok, FakeAnthropicSSE.encode(["input_tokens": max(words, 1)]))
        }
        router.on("**", method: .head) { request, _ in
            _ = try await record(request, in: state)
            return Response(status: .ok)
        }
        for method in [HTTPRequest.Method.get, .post, .put, .delete] {
            router.on("**", method: method) { request, _ in
                _ = try await record(request, in: state)
                return json(
                    status: .notFound,
                    FakeAnthropicSSE.error(type: "not_found_error", message: "Not found: \(request.uri.path)"))
            }
        }
        return router
    }

    private static func record(_ request: Request, in state: FakeAnthropicState) async throws -> FakeAnthropicRequest {
        let body = try await request.body.collect(upTo: 64 << 20)
        return await state.record(
            method: request.method.rawValue, path: request.uri.path,
            sessionID: request.headers[HTTPFields.Element.Name("X-Claude-Code-Session-Id")!],
            body: Data(body.readableBytesView))
    }

    private static func respond(to request: FakeAnthropicRequest) -> Response {
        let reply = FakeAnthropicReply.scripted(for: request)
        let model = request.model ?? "claude-fake"
        if case .failure(let status, let retryable) = reply {
            var response = json(
                status: .init(code: status),
                FakeAnthropicSSE.error(
                    type: FakeAnthropicReply.errorType(for: status), message: "scripted failure \(status)"))
            // The Anthropic client libraries, and so the CLI, retry only what the server does not mark otherwise.
            if !retryable { response.headers[HTTPFields.Element.Name("x-should-retry")!] = "false" }
            return response
        }
        guard request.stream else { return json(status: .ok, FakeAnthropicSSE.message(for: reply, model: model)) }
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream"
        headers[.cacheControl] = "no-cache"
        headers[HTTPFields.Element.Name("request-id")!] = FakeAnthropicSSE.identifier("req_")
        let chunks = FakeAnthropicSSE.stream(for: reply, model: model)
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody { writer in
                for chunk in chunks {
                    if let delay = chunk.delay { try await Task.sleep(for: delay) }
                    try await writer.write(ByteBuffer(string: chunk.text))
                }
                try await writer.finish(nil)
            })
    }

    private static func json(status: HTTPResponse.Status, _ body: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        headers[HTTPFields.Element.Name("request-id")!] = FakeAnthropicSSE.identifier("req_")
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
