import Foundation
import Shared
import Testing

@testable import ClaudioBot

/// `claudio run` with both Slack tokens, against the fake Slack and the scripted fake claude.
@Suite("Slack through the built binary", .serialized)
struct SlackEndToEndTests {
    /// Runs `body` with a daemon connected to a fresh fake Slack; stops the daemon by PID afterwards.
    static func withDaemon(
        allowed: String = "U0ALICE", botToken: String = FakeSlack.botToken, appToken: String = FakeSlack.appToken,
        waitForConnection: Bool = true, extra: [String: String] = [:],
        _ body: @escaping @Sendable (FakeSlack, DaemonProcess, FakeClaude) async throws -> Void
    ) async throws {
        try await FakeSlack.withServer { slack in
            let directory = try ScratchDirectory()
            let fake = try FakeClaude()
            defer {
                directory.remove()
                fake.remove()
            }
            let environment = DaemonProcess.environment(
                in: directory, fake: fake,
                extra: [
                    "SLACK_BOT_TOKEN": botToken, "SLACK_APP_TOKEN": appToken, "SLACK_API_BASE_URL": slack.baseURL,
                    "SLACK_ALLOWED_USER_IDS": allowed,
                ].merging(extra) { $1 })
            let daemon = try DaemonProcess(directory: directory, environment: environment)
            do {
                if waitForConnection {
                    let connected = await slack.waitForConnections(1, timeout: .seconds(30))
                    #expect(connected, "the daemon did not open a Socket Mode connection:\n\(daemon.stderr)")
                    guard connected else {
                        await daemon.stop()
                        return
                    }
                }
                try await body(slack, daemon, fake)
            } catch {
                await daemon.stop()
                throw error
            }
            await daemon.stop()
        }
    }

    /// The texts shown now in the thread under `ts`, once one of them satisfies `done`.
    static func thread(
        _ ts: String?, in channel: String, of slack: FakeSlack, until done: @escaping @Sendable (String) -> Bool
    ) async -> [String]? {
        guard let ts else { return nil }
        return await slack.waitFor(timeout: .seconds(30)) { record in
            let texts = record.thread(ts, in: channel).map(\.text)
            return texts.contains(where: done) ? texts : nil
        }
    }

    @Test("A direct message from an allowed user is answered in its thread")
    func directMessage() async throws {
        try await Self.withDaemon { slack, daemon, _ in
            let delivery = try await slack.sendDirectMessage("hello from Slack", from: "U0ALICE")
            let thread = await Self.thread(delivery.ts, in: delivery.channel, of: slack) { $0.hasPrefix("echo:") }
            #expect(thread == ["echo: hello from Slack"])
            let stopping = ContinuousClock.now
            #expect(await daemon.terminate().code == 0)
            #expect(ContinuousClock.now - stopping < .seconds(10))
        }
    }

    @Test("A mention in a channel is answered without the mention text")
    func mention() async throws {
        try await Self.withDaemon { slack, _, _ in
            let delivery = try await slack.sendMention("<@\(FakeSlack.botUserID)> what is 2+2?", from: "U0ALICE")
            let thread = await Self.thread(delivery.ts, in: delivery.channel, of: slack) { $0.hasPrefix("echo:") }
            #expect(thread == ["echo: what is 2+2?"])
        }
    }

    @Test("An unlisted user is denied when a list is set, and nothing runs")
    func unlistedUserDenied() async throws {
        try await Self.withDaemon { slack, _, fake in
            let delivery = try await slack.sendDirectMessage("let me in", from: "U0MALLORY")
            let thread = await Self.thread(delivery.ts, in: delivery.channel, of: slack) { $0.contains("Access denied") }
            #expect(thread == ["❌ Access denied — you are not authorized to use this bot."])
            #expect(fake.files(prefix: "stdin.").isEmpty)
        }
    }

    @Test("An empty allowlist serves everyone, with a loud warning in the log")
    func emptyAllowlist() async throws {
        try await Self.withDaemon(allowed: "") { slack, daemon, _ in
            let delivery = try await slack.sendDirectMessage("anyone there?", from: "U0ANYONE")
            let thread = await Self.thread(delivery.ts, in: delivery.channel, of: slack) { $0.hasPrefix("echo:") }
            #expect(thread == ["echo: anyone there?"])
            #expect(daemon.stderr.contains("SLACK_ALLOWED_USER_IDS is empty"))
        }
    }

    @Test("Every envelope is acknowledged within 3 s while a long job runs; shutdown tells its thread")
    func acksDuringLongJob() async throws {
        try await Self.withDaemon { slack, daemon, _ in
            let long = try await slack.sendDirectMessage("SLEEP", from: "U0ALICE")
            _ = await Self.thread(long.ts, in: long.channel, of: slack) { $0.hasPrefix("⏳") }
            var envelopes = [long.envelopeID]
            for index in 0..<3 {
                envelopes.append(try await slack.sendDirectMessage("queued \(index)", from: "U0ALICE").envelopeID)
                let mention = try await slack.sendMention("<@\(FakeSlack.botUserID)> ping \(index)", from: "U0ALICE")
                envelopes.append(mention.envelopeID)
                envelopes.append(try await slack.sendSlashCommand("/claudio-status", from: "U0ALICE").envelopeID)
            }
            let sent = envelopes
            let acks = await slack.waitFor { record in
                let acks = sent.compactMap(record.ack(for:))
                return acks.count == sent.count ? acks : nil
            }
            let delays = try #require(acks).map(\.delay)
            #expect(delays.allSatisfy { $0 < .seconds(3) }, "ack delays: \(delays)")
            #expect(await daemon.terminate().code == 0)
            let told = await Self.thread(long.ts, in: long.channel, of: slack) { $0.contains("Interrupted") }
            #expect(told?.first == KillReason.shutdown.userMessage(timeoutSeconds: 1800))
        }
    }

    @Test("disconnect refresh_requested: a new connection, and a redelivered event does not run twice")
    func refreshRequested() async throws {
        try await Self.withDaemon { slack, _, fake in
            let delivery = try await slack.sendDirectMessage("only once", from: "U0ALICE")
            _ = await Self.thread(delivery.ts, in: delivery.channel, of: slack) { $0.hasPrefix("echo:") }
            try await slack.sendDisconnect(reason: "refresh_requested")
            #expect(await slack.waitForConnections(2))
            let again = try await slack.redeliver(delivery, attempt: 1, reason: "timeout")
            let next = try await slack.sendDirectMessage("next", from: "U0ALICE", channel: "D0OTHER")
            _ = await Self.thread(next.ts, in: next.channel, of: slack) { $0.hasPrefix("echo:") }
            let record = await slack.record
            #expect(record.ack(for: again.envelopeID) != nil)
            #expect(record.thread(try #require(delivery.ts), in: delivery.channel).count == 1)
            #expect(fake.files(prefix: "stdin.").count == 2)
        }
    }

    @Test("A socket dropped mid-job reconnects, and the job's answer still arrives")
    func droppedSocket() async throws {
        try await Self.withDaemon { slack, _, _ in
            let delivery = try await slack.sendDirectMessage("PROGRESS", from: "U0ALICE")
            _ = await Self.thread(delivery.ts, in: delivery.channel, of: slack) { $0.hasPrefix("⏳") }
            await slack.dropSocket()
            #expect(await slack.waitForConnections(2, timeout: .seconds(30)))
            let thread = await Self.thread(delivery.ts, in: delivery.channel, of: slack) { $0 == "done after progress" }
            #expect(thread == ["done after progress"])
        }
    }

    @Test("Messages from bots are ignored")
    func botMessages() async throws {
        try await Self.withDaemon { slack, _, fake in
            let fromBot = try await slack.sendDirectMessage("I am a bot", from: "U0ALICE", botID: "B0OTHER")
            let subtype = try await slack.sendDirectMessage("bot post", from: "U0ALICE", subtype: "bot_message")
            let real = try await slack.sendDirectMessage("a person", from: "U0ALICE")
            _ = await Self.thread(real.ts, in: real.channel, of: slack) { $0.hasPrefix("echo:") }
            let record = await slack.record
            #expect(record.ack(for: fromBot.envelopeID) != nil && record.ack(for: subtype.envelopeID) != nil)
            #expect(record.posts.allSatisfy { $0.threadTS == real.ts })
            #expect(fake.files(prefix: "stdin.").count == 1)
        }
    }

    @Test("/claudio-new resets the session: the next prompt does not resume")
    func newConversation() async throws {
        try await Self.withDaemon { slack, _, fake in
            for text in ["first", "second"] {
                let delivery = try await slack.sendDirectMessage(text, from: "U0ALICE")
                _ = await Self.thread(delivery.ts, in: delivery.channel, of: slack) { $0 == "echo: \(text)" }
            }
            let command = try await slack.sendSlashCommand("/claudio-new", from: "U0ALICE", channel: "D0DIRECT")
            let reply = await slack.waitFor { record in record.responses.first { $0.commandID == command.envelopeID } }
            #expect(reply?.text == ChatTexts.newConversation)
            let third = try await slack.sendDirectMessage("third", from: "U0ALICE")
            _ = await Self.thread(third.ts, in: third.channel, of: slack) { $0 == "echo: third" }
            let argvs = fake.files(prefix: "argv.")
            #expect(argvs.count == 3)
            #expect(argvs.filter { $0.contains("--resume") }.count == 1)
        }
    }

    @Test("Rejected tokens stop the daemon with exit code 3", arguments: ["bot", "app"])
    func badTokens(which: String) async throws {
        try await Self.withDaemon(
            botToken: which == "bot" ? "xoxb-revoked" : FakeSlack.botToken,
            appToken: which == "app" ? "xapp-revoked" : FakeSlack.appToken, waitForConnection: false
        ) { slack, daemon, _ in
            let exited = await ProcessLiveness.waitUntil(timeout: .seconds(30)) { daemon.process.exitStatus != nil }
            #expect(exited, "the daemon kept running:\n\(daemon.stderr)")
            #expect(await daemon.waitForExit().code == 3)
            // The exit can be seen before the last of stderr has been read.
            _ = await ProcessLiveness.waitUntil(timeout: .seconds(5)) { daemon.stderr.contains("Slack rejected") }
            #expect(daemon.stderr.contains("Slack rejected the tokens"))
            #expect(!daemon.stderr.contains("revoked"))
            #expect(await slack.record.connections == 0)
        }
    }

    @Test("A file Claude sends is uploaded in the thread (getUploadURLExternal, upload, completeUploadExternal)")
    func sendFile() async throws {
        try await Self.withDaemon { slack, daemon, _ in
            let workspace = daemon.directory.path
            try Data("a,b\n1,2\n".utf8).write(to: URL(fileURLWithPath: workspace + "/table.csv"))
            let delivery = try await slack.sendDirectMessage("SENDFILE table.csv the numbers", from: "U0ALICE")
            let thread = await Self.thread(delivery.ts, in: delivery.channel, of: slack) { $0.hasPrefix("sendfile") }
            #expect(thread == ["sendfile: sent table.csv (8 bytes) to the chat"])
            let record = await slack.record
            #expect(record.files.map { [$0.name, $0.text, $0.channel, $0.threadTS, $0.comment] } == [
                ["table.csv", "a,b\n1,2\n", delivery.channel, delivery.ts, "the numbers"],
            ])
            #expect(record.calls(to: "files.getUploadURLExternal") == 1)
            #expect(record.calls(to: "files.completeUploadExternal") == 1)
        }
    }

    // MARK: - The workspace boundary (SPEC §18)

    @Test("With an empty list, a Slack Connect user in a shared channel is denied and recorded; members still served")
    func slackConnectUserDenied() async throws {
        try await Self.withDaemon(allowed: "") { slack, daemon, fake in
            let guest = try await slack.sendMention("<@\(FakeSlack.botUserID)> run this", from: "U0GUEST", team: "T0OTHER")
            let thread = await Self.thread(guest.ts, in: guest.channel, of: slack) { $0.contains("Access denied") }
            #expect(thread == ["❌ Access denied — you are not authorized to use this bot."])
            let denied = try await daemon.client.denied(limit: 5).denied
            #expect(denied.map(\.userID) == ["U0GUEST"])
            #expect(denied.first?.reason == .otherWorkspace)

            let member = try await slack.sendMention("<@\(FakeSlack.botUserID)> and this", from: "U0ANYONE")
            let answered = await Self.thread(member.ts, in: member.channel, of: slack) { $0.hasPrefix("echo:") }
            #expect(answered == ["echo: and this"])
            #expect(fake.files(prefix: "stdin.").count == 1, "only the member's prompt ran")
        }
    }

    @Test("A Slack Connect user whose ID is listed is served")
    func listedSlackConnectUserServed() async throws {
        try await Self.withDaemon(allowed: "U0GUEST") { slack, _, _ in
            let guest = try await slack.sendMention("<@\(FakeSlack.botUserID)> hello", from: "U0GUEST", team: "T0OTHER")
            let thread = await Self.thread(guest.ts, in: guest.channel, of: slack) { $0.hasPrefix("echo:") }
            #expect(thread == ["echo: hello"])
        }
    }

    @Test("With an empty list, a slash command from another workspace is denied and recorded")
    func foreignSlashCommandDenied() async throws {
        try await Self.withDaemon(allowed: "") { slack, daemon, fake in
            let command = try await slack.sendSlashCommand("/claudio", text: "rm -rf /", from: "U0GUEST", team: "T0OTHER")
            let reply = await slack.waitFor { record in record.responses.first { $0.commandID == command.envelopeID } }
            #expect(reply?.text == "❌ Access denied — you are not authorized to use this bot.")
            let denied = try await daemon.client.denied(limit: 5).denied
            let record = denied.first.map { [$0.userID, $0.reason.rawValue, $0.excerpt] }
            #expect(record == ["U0GUEST", "other_workspace", "rm -rf /"])
            #expect(fake.files(prefix: "stdin.").isEmpty)
        }
    }
}

