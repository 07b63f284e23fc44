import Foundation
import Shared
import Testing

@testable import ClaudioBot

/// Slack acknowledges an envelope before work starts and never sends it again, so a prompt waiting in a chat's queue
/// survives a crash only through the intake (SPEC §18).
@Suite("Slack channel and the intake")
struct SlackChannelIntakeTests {
    private static let thread = "1700000000.000100"

    private static func stored(_ id: String, _ state: StoredPrompt.State, _ text: String, in channel: String)
        -> StoredPrompt
    {
        StoredPrompt(
            jobID: id, state: state, user: ChatUser(platform: .slack, id: "U0ALICE"),
            address: ChatAddress(platform: .slack, chatID: channel, threadID: thread), messageID: thread,
            updateID: nil, prompt: text, sentAt: Date(), queuedAt: Date())
    }

    @Test("prompts an earlier run stored are answered in their threads; one that was running is reported, not re-run")
    func storedPromptsResume() async throws {
        try await FakeSlack.withServer { slack in
            // Job IDs tag the jobs' processes: unique ones keep tests running side by side apart.
            let run = UUID().uuidString.prefix(8)
            try await SlackChannelHarness.with(slack: slack) { store in
                try await store.storePrompt(Self.stored("\(run)-1", .running, "was running", in: "C0GENERAL"))
                try await store.storePrompt(Self.stored("\(run)-2", .queued, "left over", in: "D0ALICE"))
            } _: { harness in
                let answered = await harness.waitForThread(Self.thread, in: "D0ALICE") { $0.hasPrefix("echo:") }
                #expect(answered == ["echo: left over"])
                let told = await harness.waitForThread(Self.thread, in: "C0GENERAL") { $0.contains("was not run again") }
                #expect(told?.count == 1)
                #expect(harness.claudeRuns == 1)
            }
        }
    }

    @Test("a prompt waiting behind a running one is in the intake until its job has finished")
    func queuedPromptIsStored() async throws {
        try await FakeSlack.withServer { slack in
            try await SlackChannelHarness.with(slack: slack) { harness in
                #expect(await slack.waitForConnections(1))
                let running = try await slack.sendDirectMessage("SLEEP", from: "U0ALICE")
                _ = await harness.waitForThread(try #require(running.ts), in: running.channel) { $0.hasPrefix("⏳") }
                let queued = try await slack.sendDirectMessage("next please", from: "U0ALICE")
                _ = await harness.waitForThread(try #require(queued.ts), in: queued.channel) { $0.contains("Queued") }
                let store = try #require(harness.sessions as? StateStore)
                let stored = await store.storedPrompts(on: .slack)
                #expect(stored.map(\.prompt) == ["SLEEP", "next please"])
                #expect(stored.map(\.state) == [.running, .queued])
                #expect(stored.last?.address.threadID == queued.ts)
            }
        }
    }
}
