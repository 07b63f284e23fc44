import ClaudioTestSupport
import Foundation
import Shared
import Testing

@testable import ClaudioBot

/// The router without a network, a process or real time: a real gate on a test clock, a real scheduler over a
/// scripted executor, and a replier that records what each sender would have seen.
@Suite("Message router: the gate decides once, commands answer, prompts queue with their replier")
struct MessageRouterTests {
    let clock = TestClock()
    let executor = ScriptedExecutor()
    let sessions = InMemorySessionStore()
    let replier = RecordingReplier()
    let alice = ChatUser(platform: .telegram, id: "1", username: "alice")
    let mallory = ChatUser(platform: .telegram, id: "666", username: "mallory")

    func router(rateLimit: Int = 10, offlineMaxAge: Double = 600) throws -> MessageRouter {
        var settings = try SettingsLoader.settings(
            from: EnvironmentLayers(processEnvironment: [
                "TELEGRAM_BOT_TOKEN": "1:test", "ALLOWED_USER_IDS": alice.id, "WORKSPACE_PATH": "/tmp", "HOME": "/tmp",
            ]))
        settings.offlineMessageMaxAge = offlineMaxAge
        let gate = Gate(
            allowLists: AllowLists(telegram: [1]), rateLimitRequests: rateLimit, rateLimitWindow: .seconds(60),
            maxInputLength: 100, clock: AnyClock(clock))
        let scheduler = JobScheduler(limits: .init(maxConcurrent: 2, maxQueuedPerChat: 2), executor: executor)
        return MessageRouter(
            gate: gate, scheduler: scheduler, sessions: sessions, settings: settings, jobIDs: JobIDGenerator(),
            cli: FakeClaude.cli, sandbox: FakeClaude.unsandboxed)
    }

    func message(from user: ChatUser, _ text: String = "hello", sentAt: Date = Date()) -> InboundMessage {
        InboundMessage(user: user, chatID: "chat-\(user.id)", text: text, sentAt: sentAt)
    }

    @Test("an authorized prompt may start a job; it is queued and runs")
    func authorizedPrompt() async throws {
        let router = try router()
        let admission = await router.admit(message(from: alice, "list files"), asking: .prompt)
        #expect(admission.mayStartJob)
        await router.handle(admission, replier: replier)
        guard case .started = await executor.events.next() else {
            Issue.record("the prompt did not start a job")
            return
        }
        #expect(await replier.log.isEmpty, "a started job answers through its own progress message")
        await router.scheduler.shutdown()
    }

    @Test("a stranger is denied once per 60 s, recorded each time, and nothing runs")
    func strangerIsDenied() async throws {
        let router = try router()
        for _ in 0..<3 {
            let admission = await router.admit(message(from: mallory, "rm -rf /"), asking: .prompt)
            #expect(!admission.mayStartJob)
            await router.handle(admission, replier: replier)
        }
        #expect(replier.bestEffortSent == [GateReplies.accessDenied], "a stranger's reply never waits for the send")
        #expect(await replier.log.isEmpty)
        let records = await router.gate.deniedRecords()
        #expect(records.map(\.reason) == [.notAllowed])
        #expect(records.first?.count == 3)
        _ = clock.advance(by: .seconds(61))
        await router.route(message(from: mallory), asking: .help, replier: replier)
        #expect(replier.bestEffortSent.count == 2, "a new minute, a new denial reply")
    }

    @Test("/myid answers anyone with their ID — a stranger best effort and at most once per 60 s — and records a stranger's as myid")
    func whoAmI() async throws {
        let router = try router()
        for _ in 0..<3 {
            await router.route(message(from: mallory, "/myid"), asking: .whoAmI(withStatus: false), replier: replier)
        }
        await router.route(message(from: alice, "/myid"), asking: .whoAmI(withStatus: false), replier: replier)
        #expect(replier.bestEffortSent == [StatusTexts.myID(mallory, authorized: false)])
        #expect(await replier.log == [.sent(StatusTexts.myID(alice, authorized: true))])
        let records = await router.gate.deniedRecords()
        #expect(records.map(\.reason) == [.myID] && records.first?.count == 3)
        _ = clock.advance(by: .seconds(61))
        await router.route(message(from: mallory, "/myid"), asking: .whoAmI(withStatus: false), replier: replier)
        #expect(replier.bestEffortSent.count == 2)
    }

    @Test("Slack's status for anyone: the ID for a stranger, the ID and the status for an authorized user")
    func whoAmIWithStatus() async throws {
        let router = try router()
        await router.route(message(from: mallory), asking: .whoAmI(withStatus: true), replier: replier)
        await router.route(message(from: alice), asking: .whoAmI(withStatus: true), replier: replier)
        let texts = replier.bestEffortSent + (await replier.log.compactMap { if case .sent(let text) = $0 { text } else { nil } })
        #expect(texts.count == 2)
        #expect(!texts[0].contains("Workspace"))
        #expect(texts[1].hasPrefix(StatusTexts.myID(alice, authorized: true)) && texts[1].contains("/tmp"))
    }

    @Test("/status says whether jobs run in the sandbox, and warns when they do not")
    func statusShowsTheSandbox() async throws {
        var router = try router()
        router.sandbox = SandboxStatus(mode: .off, reason: "bwrap not installed")
        await router.route(message(from: alice, "/status"), asking: .status, replier: replier)
        router.sandbox = SandboxStatus(mode: .bwrap)
        await router.route(message(from: alice, "/status"), asking: .status, replier: replier)
        let texts = await replier.log.compactMap { if case .sent(let text) = $0 { text } else { nil } }
        #expect(texts.count == 2)
        #expect(texts[0].contains("⚠️ Sandbox: OFF (bwrap not installed)"))
        #expect(texts[1].contains("Sandbox: bubblewrap") && !texts[1].contains("OFF"))
    }

    @Test("something that is not text: an authorized user is asked for text; a stranger hears nothing, unrecorded")
    func notText() async throws {
        let router = try router()
        await router.route(message(from: mallory), asking: .notText, replier: replier)
        await router.route(message(from: alice), asking: .notText, replier: replier)
        #expect(await replier.log == [.sent(ChatTexts.textOnly)])
        #expect(await router.gate.deniedRecords().isEmpty)
    }

    @Test("a prompt that waited longer than OFFLINE_MESSAGE_MAX_AGE is not run, and its sender is told")
    func offlineMessage() async throws {
        let router = try router(offlineMaxAge: 60)
        let old = message(from: alice, sentAt: Date().addingTimeInterval(-120))
        await router.route(old, asking: .prompt, replier: replier)
        guard case .sent(let text)? = await replier.log.first else {
            Issue.record("no answer")
            return
        }
        #expect(text.hasPrefix("⏰ This message waited"))
        #expect(await router.scheduler.runningJobCount == 0)
    }

    @Test("the rate limit refuses the prompt over the limit; commands never count")
    func rateLimit() async throws {
        let router = try router(rateLimit: 1)
        await router.route(message(from: alice, "/help"), asking: .help, replier: replier)
        await router.route(message(from: alice, "one"), asking: .prompt, replier: replier)
        _ = await executor.events.next()
        await router.route(message(from: alice, "two"), asking: .prompt, replier: replier)
        let last = await replier.log.last
        guard case .sent(let text)? = last else {
            Issue.record("no rate-limit reply")
            return
        }
        #expect(text.hasPrefix("⏱️ Rate limit exceeded"))
        await router.scheduler.shutdown()
    }

    @Test("/new forgets the caller's session; /cancel with nothing running says so; unknown commands are named")
    func commands() async throws {
        let router = try router()
        let key = message(from: alice).sessionKey
        await sessions.save(sessionID: "s1", for: key)
        await router.route(message(from: alice, "/new"), asking: .newConversation, replier: replier)
        #expect(await sessions.sessionID(for: key) == nil)
        await router.route(message(from: alice, "/cancel"), asking: .cancel, replier: replier)
        await router.route(message(from: alice, "/deploy"), asking: .unknownCommand("deploy"), replier: replier)
        #expect(await replier.log == [
            .sent(ChatTexts.newConversation), .sent(ChatTexts.nothingToCancel),
            .sent(ChatTexts.unknownCommand("deploy")),
        ])
    }

    @Test("a job answers through the replier's replierForJobs, so a slash command's job posts in the channel")
    func jobReplier() async throws {
        let router = try router()
        let channel = RecordingReplier()
        let privately = ForwardingReplier(own: replier, forJobs: channel)
        await router.route(message(from: alice, "x"), asking: .prompt, replier: privately)
        _ = await executor.events.next()
        let job = try #require(await router.scheduler.runningJob(in: message(from: alice).address.chatKey))
        #expect(job.replier as? RecordingReplier === channel)
        await router.scheduler.shutdown()
    }
}

/// A replier like a Slack slash command's: its own answers go one way, its jobs' another.
private struct ForwardingReplier: ChatReplier {
    let own: RecordingReplier
    let forJobs: RecordingReplier

    func send(_ text: String, to address: ChatAddress) async -> PostedMessage? {
        await own.send(text, to: address)
    }

    func edit(_ message: PostedMessage, text: String) async {}

    func deliverAnswer(
        _ markdown: String, to address: ChatAddress, replacing placeholder: PostedMessage?, documentName: String
    ) async {}

    func sendFile(_ file: OutgoingFile, to address: ChatAddress) async -> Bool { false }

    func showWorking(in address: ChatAddress) async {}

    var replierForJobs: any ChatReplier { forJobs }
}
