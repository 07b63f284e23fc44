import ClaudioTestSupport
import Foundation
import Hummingbird
import HummingbirdWebSocket

/// A Slack Web API and Socket Mode server on 127.0.0.1 (a free port), for the Slack channel's tests. It lives for
/// the duration of ``withServer(_:)``.
///
/// - Web API (`baseURL` is `http://127.0.0.1:PORT/api`): `auth.test` and `chat.postMessage` / `chat.update`
///   (bot token), `apps.connections.open` (app token, answers a one-use `ws://…/socket?ticket=…` URL); a wrong token
///   answers `invalid_auth`, a missing one `not_authed`. `failNext(_:with:times:)` scripts 429s and errors.
/// - Response URLs: `http://127.0.0.1:PORT/response/<id>`, one per slash command sent.
/// - Files users share: `http://127.0.0.1:PORT/files/<id>/<name>` (their `url_private_download`), served with the bot
///   token and answered with a sign-in page without it, as Slack does.
/// - Socket Mode: `hello` on connect; tests inject events, slash commands, redeliveries and `disconnect` messages,
///   or drop the socket. A sender's workspace can be another than the bot's (`teamID`), as for a Slack Connect user. Every ack is recorded with its delay after the envelope.
///
/// Tests wait on the record (`waitFor`) rather than sleeping.
struct FakeSlack: Sendable {
    static let botToken = "xoxb-111-222-fakebottoken"
    static let appToken = "xapp-1-A111-222-fakeapptoken"
    static let botUserID = "UCLAUDIO"
    static let botID = "BCLAUDIO"
    /// The workspace the bot is installed in, as `auth.test` names it and as every envelope's `team_id` says.
    static let teamID = "T0FAKE"

    let port: Int
    let state: FakeSlackState

    var baseURL: String { "http://127.0.0.1:\(port)/api" }

    /// Runs `body` while the server is up, then stops it.
    static func withServer<Result: Sendable>(_ body: @Sendable (FakeSlack) async throws -> Result) async throws
        -> Result
    {
        let state = FakeSlackState(botToken: botToken, appToken: appToken, botUserID: botUserID, botID: botID)
        return try await LocalServer.run(
            router: makeRouter(state: state),
            server: .http1WebSocketUpgrade { request, channel, _ in
                guard let path = request.path, path.hasPrefix("/socket?"),
                    let ticket = URLComponents(string: path)?.queryItems?.first(where: { $0.name == "ticket" })?.value,
                    await state.redeem(ticket)
                else { return .dontUpgrade }
                return .upgrade([:]) { inbound, outbound, _ in
                    let id = await state.socketOpened(outbound: outbound, channel: channel)
                    do {
                        try await outbound.write(.text(FakeSlackEnvelopes.hello))
                        await state.helloSent()
                        for try await message in inbound.messages(maxSize: 1 << 22) {
                            if case .text(let text) = message { await state.received(text) }
                        }
                    } catch {}
                    await state.socketClosed(id)
                }
            },
            logLabel: "claudio.tests.fake-slack"
        ) { port in
            await state.setPort(port)
            return try await body(FakeSlack(port: port, state: state))
        }
    }

    private static func makeRouter(state: FakeSlackState) -> Router<BasicRequestContext> {
        let router = Router()
        router.post("api/:method") { request, context -> Response in
            let method = try context.parameters.require("method")
            let body = try await request.body.collect(upTo: 1 << 22)
            let answer = await state.answerAPI(
                method: method, authorization: request.headers[.authorization], body: Data(body.readableBytesView))
            return response(answer)
        }
        router.post("upload/:id") { request, context -> Response in
            let id = try context.parameters.require("id")
            let body = try await request.body.collect(upTo: 1 << 24)
            let answer = await state.receiveUpload(
                id: id, body: Data(body.readableBytesView), contentType: request.headers[.contentType] ?? "")
            return response(answer)
        }
        router.get("files/:id/:name") { request, context -> Response in
            let id = try context.parameters.require("id")
            let answer = await state.download(id: id, authorization: request.headers[.authorization])
            var headers = HTTPFields()
            headers[.contentType] = answer.contentType
            return Response(
                status: .init(code: answer.status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: answer.body)))
        }
        router.post("response/:id") { request, context -> Response in
            let id = try context.parameters.require("id")
            let body = try await request.body.collect(upTo: 1 << 22)
            return response(await state.answerResponseURL(commandID: id, body: Data(body.readableBytesView)))
        }
        return router
    }

    private static func response(_ answer: FakeSlackState.Answer) -> Response {
        var headers = HTTPFields()
        for (name, value) in answer.headers {
            if let field = HTTPFields.Element.Name(name) { headers[field] = value }
        }
        return Response(
            status: .init(code: answer.status), headers: headers, body: .init(byteBuffer: ByteBuffer(string: answer.body)))
    }

    // MARK: - Scripting

    func failNext(_ method: String, with failure: FakeSlackFailure, times: Int = 1) async {
        await state.failNext(method, with: failure, times: times)
    }

    /// Waits until `count` connections have had their `hello`.
    @discardableResult
    func waitForConnections(_ count: Int = 1, timeout: Duration = .seconds(15)) async -> Bool {
        await waitFor(timeout: timeout) { $0.connections >= count && $0.openSockets > 0 ? true : nil } ?? false
    }

    /// The first non-nil `find(record)`, now or later; nil after `timeout`.
    func waitFor<Value: Sendable>(
        timeout: Duration = .seconds(15), _ find: @escaping @Sendable (FakeSlackRecord) -> Value?
    ) async -> Value? {
        await state.wait(timeout: timeout, for: find)
    }

    var record: FakeSlackRecord {
        get async { await state.record }
    }
}
