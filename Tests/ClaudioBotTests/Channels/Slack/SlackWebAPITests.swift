import Foundation
import Shared
import Testing

@testable import ClaudioBot

@Suite("Slack Web API")
struct SlackWebAPITests {
    private static func withAPI(
        botToken: String = FakeSlack.botToken, appToken: String = FakeSlack.appToken,
        _ body: @Sendable (SlackWebAPI, FakeSlack) async throws -> Void
    ) async throws {
        try await FakeSlack.withServer { slack in
            let http = HTTPClient(redacting: [botToken, appToken])
            defer { http.shutdown() }
            var api = SlackWebAPI(http: http, baseURL: slack.baseURL, botToken: botToken, appToken: appToken)
            api.retryBackoff = RetryBackoff(initial: .milliseconds(20), maximum: .milliseconds(50))
            try await body(api, slack)
        }
    }

    @Test("auth.test learns the bot's own IDs")
    func authTest() async throws {
        try await Self.withAPI { api, _ in
            let identity = try await api.authTest()
            #expect(
                identity
                    == SlackIdentity(
                        userID: FakeSlack.botUserID, botID: FakeSlack.botID, team: "Fake Team", teamID: FakeSlack.teamID))
        }
    }

    @Test("A rejected bot or app token is ChannelError.credentialsRejected, naming the method and Slack's code")
    func rejectedTokens() async throws {
        try await Self.withAPI(botToken: "xoxb-wrong") { api, _ in
            await #expect(throws: ChannelError.self) { try await api.authTest() }
            do {
                _ = try await api.authTest()
            } catch ChannelError.credentialsRejected(let platform, let detail) {
                #expect(platform == .slack)
                #expect(detail == "auth.test: invalid_auth")
            }
        }
        try await Self.withAPI(appToken: "xapp-wrong") { api, _ in
            await #expect(throws: ChannelError.self) { try await api.openConnection() }
        }
    }

    @Test("apps.connections.open answers a WebSocket URL")
    func openConnection() async throws {
        try await Self.withAPI { api, slack in
            let url = try await api.openConnection()
            #expect(url.hasPrefix("ws://127.0.0.1:\(slack.port)/socket?ticket="))
        }
    }

    @Test("A 429 is waited out for Retry-After and the same message sent again: nothing is lost")
    func rateLimitIsHonoured() async throws {
        try await Self.withAPI { api, slack in
            await slack.failNext("chat.postMessage", with: .rateLimited(retryAfter: 1))
            let started = ContinuousClock.now
            let ts = try await api.postMessage(SlackMessagePayload(channel: "C1", text: "hello", threadTS: "1.2"))
            #expect(ContinuousClock.now - started >= .seconds(1))
            let record = await slack.record
            #expect(record.calls(to: "chat.postMessage") == 2)
            #expect(record.posts == [FakeSlackMessage(kind: .post, channel: "C1", text: "hello", threadTS: "1.2", ts: ts)])
        }
    }

    @Test("Server errors are retried with backoff; a request Slack refuses is not")
    func retries() async throws {
        try await Self.withAPI { api, slack in
            await slack.failNext("chat.postMessage", with: .status(503), times: 2)
            _ = try await api.postMessage(SlackMessagePayload(channel: "C1", text: "after two failures"))
            #expect(await slack.record.calls(to: "chat.postMessage") == 3)

            await slack.failNext("chat.postMessage", with: .error("channel_not_found"))
            await #expect(throws: SlackAPIError.rejected(method: "chat.postMessage", error: "channel_not_found")) {
                try await api.postMessage(SlackMessagePayload(channel: "C404", text: "nowhere"))
            }
            #expect(await slack.record.calls(to: "chat.postMessage") == 4)
        }
    }

    @Test("chat.update replaces a message's text; a response_url gets the ephemeral answer")
    func updateAndRespond() async throws {
        try await Self.withAPI { api, slack in
            let ts = try await api.postMessage(SlackMessagePayload(channel: "C1", text: "⏳ Working…", mrkdwn: false))
            try await api.updateMessage(SlackMessagePayload(channel: "C1", text: "*done*", ts: ts, mrkdwn: true))
            try await api.respond(
                to: "http://127.0.0.1:\(slack.port)/response/cmd-1",
                SlackMessagePayload(text: "only you", responseType: "ephemeral"))
            let record = await slack.record
            #expect(record.currentText(ofMessage: ts) == "*done*")
            #expect(record.responses == [FakeSlackResponse(commandID: "cmd-1", text: "only you", responseType: "ephemeral")])
        }
    }

    @Test("a file goes up in Slack's three steps and is shared in the thread with its comment")
    func uploadFile() async throws {
        try await Self.withAPI { api, slack in
            let file = OutgoingFile(name: "answer-j1.md", data: Data("# All of it\n".utf8), caption: "📄 here")
            try await api.uploadFile(file, channel: "C1", threadTS: "1700000000.000001")
            let record = await slack.state.record
            #expect(record.apiCalls.suffix(2) == ["files.getUploadURLExternal", "files.completeUploadExternal"])
            let shared = try #require(record.files.first)
            #expect(shared.name == "answer-j1.md" && shared.text == "# All of it\n")
            #expect(shared.channel == "C1" && shared.threadTS == "1700000000.000001" && shared.comment == "📄 here")
        }
    }

    @Test("A response_url never appears in an error: it is a credential for 30 minutes")
    func responseURLIsRedacted() async throws {
        try await Self.withAPI { api, _ in
            var quick = api
            quick.maxSendAttempts = 1
            let secretURL = "http://127.0.0.1:1/response/secret-ticket"
            do {
                try await quick.respond(to: secretURL, SlackMessagePayload(text: "x"))
                Issue.record("posting to a closed port should fail")
            } catch {
                #expect(!"\(error)".contains("secret-ticket"))
            }
        }
    }
}
