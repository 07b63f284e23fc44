import Foundation
import Shared
import Testing

@testable import ClaudioBot

/// The Slack channel in this process against the fake Slack, with the real router, gate, queue and fake claude.
@Suite("Slack channel")
struct SlackChannelTests {
    private static func run(
        allowed: [String] = ["U0ALICE"], backlogLimit: Int = 500,
        _ body: @Sendable @escaping (SlackChannelHarness) async throws -> Void
    ) async throws {
        try await FakeSlack.withServer { slack in
            try await SlackChannelHarness.with(slack: slack, allowed: allowed, backlogLimit: backlogLimit) { harness in
                #expect(await slack.waitForConnections(1))
                try await body(harness)
            }
        }
    }

    @Test("A direct message is acknowledged and answered in its thread, the placeholder replaced by the answer")
    func directMessageIsAnswered() async throws {
        try await Self.run { harness in
            let slack = harness.slack
            let delivery = try await slack.sendDirectMessage("hello **there**", from: "U0ALICE")
            let ts = try #require(delivery.ts)
            let thread = await harness.waitForThread(ts, in: delivery.channel) { $0.hasPrefix("echo:") }
            #expect(thread == ["echo: hello *there*"])
            let record = await slack.record
            #expect(record.ack(for: delivery.envelopeID) != nil)
            #expect(record.messages.first?.text == "⏳ Processing…")
            #expect(await harness.channel.health().connected)
        }
    }

    @Test("over the backlog limit, strangers' envelopes are shed (acknowledged, never handled); allowed users' are kept")
    func backlogShedsStrangers() async throws {
        // A limit of 0 puts the channel permanently "over the limit": what is shed and what is kept shows at once.
        try await Self.run(backlogLimit: 0) { harness in
            let slack = harness.slack
            let stranger = try await slack.sendDirectMessage("let me in", from: "U0MALLORY")
            let allowed = try await slack.sendDirectMessage("hello", from: "U0ALICE")
            let thread = await harness.waitForThread(try #require(allowed.ts), in: allowed.channel) {
                $0.hasPrefix("echo:")
            }
            #expect(thread == ["echo: hello"])
            let record = await slack.record
            #expect(record.ack(for: stranger.envelopeID) != nil, "every envelope is still acknowledged")
            #expect(!record.messages.contains { $0.channel == stranger.channel && $0.text.contains("Access denied") })
        }
    }

    @Test("A mention is answered in the channel thread without the mention text")
    func mentionIsAnswered() async throws {
        try await Self.run { harness in
            let delivery = try await harness.slack.sendMention("<@UCLAUDIO> summarise the README", from: "U0ALICE")
            let thread = await harness.waitForThread(try #require(delivery.ts), in: "C0GENERAL") { $0.hasPrefix("echo:") }
            #expect(thread == ["echo: summarise the README"])
        }
    }

    @Test("Every envelope is acknowledged within 3 s while a long job runs")
    func acksWhileJobRuns() async throws {
        try await Self.run { harness in
            let slack = harness.slack
            let long = try await slack.sendDirectMessage("SLEEP", from: "U0ALICE")
            _ = await harness.waitForThread(try #require(long.ts), in: long.channel) { $0.hasPrefix("⏳") }
            var envelopes = [long.envelopeID]
            for index in 0..<5 {
                envelopes.append(try await slack.sendDirectMessage("more \(index)", from: "U0ALICE").envelopeID)
                envelopes.append(try await slack.sendSlashCommand("/claudio-status", from: "U0BOB").envelopeID)
            }
            let sent = envelopes
            let acks = await slack.waitFor { record in
                let acks = sent.compactMap(record.ack(for:))
                return acks.count == sent.count ? acks : nil
            }
            let delays = try #require(acks).map(\.delay)
            #expect(delays.allSatisfy { $0 < .seconds(3) }, "ack delays: \(delays)")
        }
    }

    @Test("A redelivered event is acknowledged again but never run twice")
    func redeliveryRunsOnce() async throws {
        try await Self.run { harness in
            let slack = harness.slack
            let first = try await slack.sendDirectMessage("once", from: "U0ALICE")
            let again = try await slack.redeliver(first, attempt: 1)
            let later = try await slack.sendDirectMessage("later", from: "U0ALICE", channel: "D0OTHER")
            _ = await harness.waitForThread(try #require(later.ts), in: later.channel) { $0 == "echo: later" }
            _ = await harness.waitForThread(try #require(first.ts), in: first.channel) { $0 == "echo: once" }
            let record = await slack.record
            #expect(record.ack(for: again.envelopeID) != nil)
            #expect(record.thread(try #require(first.ts), in: first.channel).count == 1)
            #expect(harness.claudeRuns == 2)
        }
    }

    @Test("disconnect refresh_requested: a new connection, and the redelivered event is not run again")
    func refreshRequested() async throws {
        try await Self.run { harness in
            let slack = harness.slack
            let delivery = try await slack.sendDirectMessage("before refresh", from: "U0ALICE")
            _ = await harness.waitForThread(try #require(delivery.ts), in: delivery.channel) { $0.hasPrefix("echo:") }
            try await slack.sendDisconnect(reason: "refresh_requested")
            #expect(await slack.waitForConnections(2))
            try await slack.redeliver(delivery, attempt: 1, reason: "timeout")
            let after = try await slack.sendDirectMessage("after refresh", from: "U0ALICE", channel: "D0OTHER")
            _ = await harness.waitForThread(try #require(after.ts), in: after.channel) { $0 == "echo: after refresh" }
            #expect(harness.claudeRuns == 2)
            #expect(await slack.record.calls(to: "apps.connections.open") == 2)
        }
    }

    @Test("A socket dropped mid-job reconnects, and the job's answer still arrives")
    func droppedSocket() async throws {
        try await Self.run { harness in
            let slack = harness.slack
            let delivery = try await slack.sendDirectMessage("PROGRESS", from: "U0ALICE")
            _ = await harness.waitForThread(try #require(delivery.ts), in: delivery.channel) { $0.hasPrefix("⏳") }
            await slack.dropSocket()
            #expect(await slack.waitForConnections(2))
            let thread = await harness.waitForThread(try #require(delivery.ts), in: delivery.channel) {
                $0 == "done after progress"
            }
            #expect(thread == ["done after progress"])
        }
    }

    @Test("Messages from bots, from Claudio itself and with subtypes are ignored")
    func botMessagesIgnored() async throws {
        try await Self.run { harness in
            let slack = harness.slack
            let ignored = [
                try await slack.sendDirectMessage("from a bot", from: "U0ALICE", botID: "B0OTHER"),
                try await slack.sendDirectMessage("own echo", from: FakeSlack.botUserID),
                try await slack.sendDirectMessage("edited", from: "U0ALICE", subtype: "message_changed"),
            ]
            let answered = try await slack.sendDirectMessage("real", from: "U0ALICE")
            _ = await harness.waitForThread(try #require(answered.ts), in: answered.channel) { $0 == "echo: real" }
            let record = await slack.record
            #expect(ignored.allSatisfy { record.ack(for: $0.envelopeID) != nil })
            #expect(record.posts.allSatisfy { $0.threadTS == answered.ts })
            #expect(harness.claudeRuns == 1)
        }
    }

    @Test("An unlisted user is denied in the thread and nothing runs")
    func unlistedUserDenied() async throws {
        try await Self.run { harness in
            let delivery = try await harness.slack.sendDirectMessage("let me in", from: "U0MALLORY")
            let thread = await harness.waitForThread(try #require(delivery.ts), in: delivery.channel) {
                $0.contains("Access denied")
            }
            #expect(thread == ["❌ Access denied — you are not authorized to use this bot."])
            #expect(harness.claudeRuns == 0)
        }
    }

    @Test("An empty allowlist serves every workspace member")
    func emptyAllowlistServesEveryone() async throws {
        try await Self.run(allowed: []) { harness in
            let delivery = try await harness.slack.sendDirectMessage("anyone", from: "U0ANYONE")
            let thread = await harness.waitForThread(try #require(delivery.ts), in: delivery.channel) {
                $0.hasPrefix("echo:")
            }
            #expect(thread == ["echo: anyone"])
        }
    }

    @Test("/claudio runs a prompt answered in the channel; /claudio-new forgets the session")
    func slashCommands() async throws {
        try await Self.run { harness in
            let slack = harness.slack
            _ = try await slack.sendSlashCommand("/claudio", text: "first", from: "U0ALICE", channel: "C0WORK")
            let answer = await slack.waitFor { record in
                record.posts.first { $0.channel == "C0WORK" && record.currentText(ofMessage: $0.ts) == "echo: first" }
            }
            #expect(answer?.threadTS == nil)
            let key = SessionKey(platform: .slack, chatID: "C0WORK", userID: "U0ALICE")
            #expect(await harness.sessions.sessionID(for: key) != nil)

            let new = try await slack.sendSlashCommand("/claudio-new", from: "U0ALICE", channel: "C0WORK")
            let reply = await slack.waitFor { record in record.responses.first { $0.commandID == new.envelopeID } }
            #expect(
                reply
                    == FakeSlackResponse(
                        commandID: new.envelopeID, text: ChatTexts.newConversation, responseType: "ephemeral"))
            #expect(await harness.sessions.sessionID(for: key) == nil)
        }
    }

    @Test("/claudio-status tells anyone their ID and authorization; only allowed users see the rest")
    func statusForAnyone() async throws {
        try await Self.run { harness in
            let slack = harness.slack
            let stranger = try await slack.sendSlashCommand("/claudio-status", from: "U0MALLORY", userName: "mallory")
            let member = try await slack.sendSlashCommand("/claudio-status", from: "U0ALICE")
            let answers = await slack.waitFor { record in
                let texts = [stranger, member].compactMap { delivery in
                    record.responses.first { $0.commandID == delivery.envelopeID }?.text
                }
                return texts.count == 2 ? texts : nil
            }
            let (strangerText, memberText) = (try #require(answers)[0], try #require(answers)[1])
            #expect(strangerText.contains("ID: U0MALLORY"))
            #expect(strangerText.contains("Authorized: no"))
            #expect(strangerText.contains("SLACK_ALLOWED_USER_IDS=U0MALLORY"))
            #expect(!strangerText.contains("Workspace"))
            #expect(memberText.contains("Authorized: yes"))
            #expect(memberText.contains("Claude CLI: available (9.9.9 (Fake Claude Code))"))
            #expect(harness.claudeRuns == 0)
        }
    }
}
