import Foundation
import Shared
import Testing

@testable import ClaudioBot

@Suite("Tool approval through the built binary on Slack: Block Kit buttons, interactive envelopes", .serialized)
struct SlackApprovalEndToEndTests {
    /// The question posted in `thread`, once it has buttons.
    private func question(in thread: String?, of slack: FakeSlack) async -> FakeSlackMessage? {
        await slack.waitFor { record in
            record.posts.first { $0.threadTS == thread && !$0.buttons.isEmpty }
        }
    }

    @Test("the question has Block Kit buttons in the thread; a stranger's press gets an ephemeral; Allow reaches claude")
    func allowAndStranger() async throws {
        try await SlackEndToEndTests.withDaemon(extra: ["SKIP_PERMISSIONS": "false"]) { slack, daemon, _ in
            let delivery = try await slack.sendDirectMessage("ASK Bash ls -la", from: "U0ALICE")
            let asked = try #require(await question(in: delivery.ts, of: slack))
            #expect(asked.text.contains("Claude wants to use"))
            #expect(asked.buttons.map(\.text) == ["Allow", "Deny", "Allow Bash for this job"])
            #expect(asked.buttons.allSatisfy { $0.value.count == 32 })
            let allow = try #require(asked.buttons.first)

            let intruder = try await slack.pressButton(
                value: allow.value, under: asked.ts, threadTS: delivery.ts, from: "U0MALLORY", userName: "mallory")
            let ephemeral = await slack.waitFor { $0.ephemerals.first { $0.user == "U0MALLORY" } }
            #expect(ephemeral?.text == "Only user U0ALICE can answer this")
            #expect(await slack.waitFor { $0.ack(for: intruder.envelopeID) } != nil)
            #expect(try await daemon.client.approvals().approvals.count == 1)

            let press = try await slack.pressButton(value: allow.value, under: asked.ts, threadTS: delivery.ts, from: "U0ALICE")
            let answered = await SlackEndToEndTests.thread(delivery.ts, in: delivery.channel, of: slack) {
                $0.contains(#""behavior":"allow""#)
            }
            #expect(answered != nil)
            #expect(await slack.waitFor { $0.ack(for: press.envelopeID) } != nil)
            let settled = await slack.waitFor { record in
                record.currentButtons(ofMessage: asked.ts).isEmpty ? record.currentText(ofMessage: asked.ts) : nil
            }
            #expect(settled?.hasSuffix("✅ Allowed by @alice") == true)
            let history = try await daemon.client.approvalHistory().decisions
            #expect(history.map(\.via) == [.slack])
        }
    }

    @Test("Deny on Slack reaches claude as a deny, and the question says who denied")
    func deny() async throws {
        try await SlackEndToEndTests.withDaemon(extra: ["SKIP_PERMISSIONS": "false"]) { slack, _, _ in
            let delivery = try await slack.sendDirectMessage("ASK Bash rm -rf /", from: "U0ALICE")
            let asked = try #require(await question(in: delivery.ts, of: slack))
            let deny = try #require(asked.buttons.first { $0.text == "Deny" })
            try await slack.pressButton(value: deny.value, under: asked.ts, threadTS: delivery.ts, from: "U0ALICE")
            let answered = await SlackEndToEndTests.thread(delivery.ts, in: delivery.channel, of: slack) {
                $0.contains(#""behavior":"deny""#)
            }
            #expect(answered != nil)
            let settled = await slack.waitFor { record in
                record.currentButtons(ofMessage: asked.ts).isEmpty ? record.currentText(ofMessage: asked.ts) : nil
            }
            #expect(settled?.hasSuffix("❌ Denied by @alice") == true)
        }
    }
}
