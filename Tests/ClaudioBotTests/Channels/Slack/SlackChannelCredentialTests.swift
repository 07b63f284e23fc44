import Foundation
import Shared
import Testing

@testable import ClaudioBot

@Suite("Slack channel credentials")
struct SlackChannelCredentialTests {
    @Test("A rejected bot token ends the channel with credentialsRejected (the daemon exits 3)")
    func badBotToken() async throws {
        try await FakeSlack.withServer { slack in
            try await SlackChannelHarness.with(slack: slack, botToken: "xoxb-revoked") { harness in
                let result = await harness.runs.result
                #expect(throws: ChannelError.self) { try result.get() }
                #expect(await slack.record.connections == 0)
                #expect(await harness.channel.health().lastError?.contains("invalid_auth") == true)
            }
        }
    }
}
