import Foundation
import Shared
import Testing

@testable import ClaudioBot

@Suite("Telegram and Slack in one daemon")
struct BothChannelsTests {
    @Test("one daemon serves a Telegram prompt and a Slack DM, and holds both instance locks")
    func bothChannels() async throws {
        try await TelegramDaemonHarness.with { telegram in
            try await FakeSlack.withServer { slack in
                let mark = await telegram.fake.mark()
                let daemon = try telegram.launch([
                    "SLACK_BOT_TOKEN": FakeSlack.botToken, "SLACK_APP_TOKEN": FakeSlack.appToken,
                    "SLACK_API_BASE_URL": slack.baseURL, "SLACK_ALLOWED_USER_IDS": "U0ALICE",
                ])
                try await telegram.fake.waitForMethod("setMyCommands", after: mark, timeout: .seconds(30))
                #expect(await slack.waitForConnections(1, timeout: .seconds(30)), "\(daemon.stderr)")

                await telegram.fake.sendText("from telegram", from: TelegramDaemonHarness.authorizedUser)
                let delivery = try await slack.sendDirectMessage("from slack", from: "U0ALICE")
                try await telegram.fake.waitForText("echo: from telegram", inChat: TelegramDaemonHarness.authorizedUser)
                let answered = await slack.waitFor(timeout: .seconds(30)) { record in
                    record.thread(delivery.ts ?? "", in: delivery.channel).map(\.text).contains("echo: from slack")
                        ? true : nil
                }
                #expect(answered == true)

                let status = try await daemon.client.status()
                #expect(status.channels.allSatisfy { $0.enabled })
                #expect(status.locks.allSatisfy { $0.held && $0.holderPID == Int(daemon.pid) })
                #expect(await daemon.terminate().code == 0)
            }
        }
    }
}
