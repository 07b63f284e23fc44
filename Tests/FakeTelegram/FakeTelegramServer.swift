import ClaudioTestSupport
import Foundation
import Hummingbird

/// A fake Telegram Bot API on 127.0.0.1 (a free port) for tests: `POST|GET /bot<token>/<method>` with JSON, form or
/// query parameters, a token check (401 like Telegram), a long-polled update queue, message IDs and edits, files
/// users send (`getFile` and `GET /file/bot<token>/<path>`), fault injection per method, and a record of every call
/// tests can wait on.
///
/// Point Claudio at it with `TELEGRAM_API_BASE_URL=<baseURL>` and `TELEGRAM_BOT_TOKEN=<token>`.
package struct FakeTelegramServer: Sendable {
    package static let defaultToken = "424242:AAF-fake-telegram-token-for-tests_0123"

    /// `http://127.0.0.1:<port>`.
    package let baseURL: String
    package let port: Int
    package let token: String
    package let state: FakeTelegramState

    /// Runs `body` while the server is up, then answers every waiting long poll and stops the server.
    /// - Parameter maxPollWait: the longest a `getUpdates` is held open, whatever its `timeout`.
    package static func withServer<Result: Sendable>(
        token: String = defaultToken, maxPollWait: Double = 30,
        _ body: @Sendable (FakeTelegramServer) async throws -> Result
    ) async throws -> Result {
        let state = FakeTelegramState(token: token)
        return try await LocalServer.run(
            router: makeRouter(state: state, maxPollWait: maxPollWait), logLabel: "claudio.tests.fake-telegram"
        ) { port in
            let server = FakeTelegramServer(baseURL: "http://127.0.0.1:\(port)", port: port, token: token, state: state)
            return try await body(server)
        } beforeStopping: {
            await state.close()
        }
    }

    private static func makeRouter(state: FakeTelegramState, maxPollWait: Double) -> Router<BasicRequestContext> {
        let router = Router()
        let handler: @Sendable (Request, BasicRequestContext) async throws -> Response = { request, context in
            let botSegment = context.parameters.get("bot") ?? ""
            let method = context.parameters.get("method") ?? ""
            let parameters = try await Self.parameters(of: request)
            let tokenValid = botSegment == "bot" + state.token
            let answer = await state.answer(
                method: method, parameters: parameters, tokenValid: tokenValid, maxPollWait: maxPollWait)
            return Self.response(answer)
        }
        router.on(":bot/:method", method: .post, use: handler)
        router.on(":bot/:method", method: .get, use: handler)
        router.get("file/:bot/**") { _, context -> Response in
            let botSegment = context.parameters.get("bot") ?? ""
            let path = context.parameters.getCatchAll().joined(separator: "/")
            return Self.response(await state.download(path: path, tokenValid: botSegment == "bot" + state.token))
        }
        return router
    }

    private static func response(_ answer: FakeTelegramAnswer) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        switch answer {
        case .json(let status, let body):
            return Response(
                status: .init(code: status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
        case .file(let data):
            var fileHeaders = HTTPFields()
            fileHeaders[.contentType] = "application/octet-stream"
            return Response(status: .ok, headers: fileHeaders, body: .init(byteBuffer: ByteBuffer(bytes: data)))
        case .garbage:
            return Response(
                status: .ok, headers: headers,
                body: .init(byteBuffer: ByteBuffer(string: "<html>502 Bad Gateway</html>{")))
        case .drop:
            struct Dropped: Error {}
            return Response(
                status: .ok, headers: headers,
                body: ResponseBody(contentLength: 512) { writer in
                    try await writer.write(ByteBuffer(string: "{\"ok\":tr"))
                    throw Dropped()
                })
        }
    }

    /// Query parameters, then the JSON or form body's, the body winning.
    private static func parameters(of request: Request) async throws -> [String: FakeTelegramJSON] {
        var parameters: [String: FakeTelegramJSON] = [:]
        for (key, value) in request.uri.queryParameters {
            parameters[String(key)] = .string(String(value))
        }
        let buffer = try await request.body.collect(upTo: 8 << 20)
        let data = Data(buffer.readableBytesView)
        guard !data.isEmpty else { return parameters }
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        if contentType.hasPrefix("application/json") {
            if case .object(let members) = try JSONDecoder().decode(FakeTelegramJSON.self, from: data) {
                parameters.merge(members) { $1 }
            }
        } else if let form = MultipartFormData(body: data, contentType: contentType) {
            // Files are kept as their text (tests send text documents) with their name beside them.
            for part in form.parts {
                parameters[part.name] = .string(part.text)
                if let filename = part.filename { parameters[part.name + ".filename"] = .string(filename) }
            }
        } else if contentType.hasPrefix("application/x-www-form-urlencoded") {
            for pair in String(decoding: data, as: UTF8.self).split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let decode = { (text: Substring) in
                    String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(text)
                }
                parameters[decode(parts[0])] = .string(parts.count > 1 ? decode(parts[1]) : "")
            }
        }
        return parameters
    }
}
