import ClaudioTestSupport
import Foundation
import Shared
import Testing

@testable import ClaudioBot

/// The router with an intake in memory: what is stored when, what a restart resumes, and `/new` against a running job.
@Suite("Message router and the intake: stored before queued, resumed after a restart, never run twice")
struct MessageRouterIntakeTests {
    let clock = TestClock()
    let executor = ScriptedExecutor()
    let sessions = InMemorySessionStore()
    let replier = RecordingReplier()
    let alice = ChatUser(platform: .telegram, id: "1", username: "alice")
    /// Job IDs tag the stand-in processes: unique ones keep tests running side by side apart.
    let run = String(UUID().uuidString.prefix(8))

    func router(store: MemoryPromptIntakeStore, queued: Int = 2, offlineMaxAge: Double = 600) throws -> MessageRouter {
        var settings = try SettingsLoader.settings(
            from: EnvironmentLayers(processEnvironment: [
                "TELEGRAM_BOT_TOKEN": "1:test", "ALLOWED_USER_IDS": alice.id, "WORKSPACE_PATH": "/tmp", "HOME": "/tmp",
            ]))
        settings.offlineMessageMaxAge = offlineMaxAge
        let gate = Gate(
            allowLists: AllowLists(telegram: [1]), rateLimitRequests: 10, rateLimitWindow: .seconds(60),
            maxInputLength: 100, clock: AnyClock(clock))
        let scheduler = JobScheduler(limits: .init(maxConcurrent: 2, maxQueuedPerChat: queued), executor: executor)
        var router = MessageRouter(
            gate: gate, scheduler: scheduler, sessions: sessions, settings: settings, jobIDs: JobIDGenerator(),
            cli: FakeClaude.cli, sandbox: FakeClaude.unsandboxed)
        router.intake = PromptIntake(
            store: store, clock: AnyClock(clock), retryBackoff: RetryBackoff(initial: .seconds(1), maximum: .seconds(1)))
        return router
    }

    func message(_ text: String, chat: String = "chat-1", sentAt: Date = Date()) -> InboundMessage {
        InboundMessage(user: alice, chatID: chat, messageID: "m1", text: text, sentAt: sentAt)
    }

    func stored(
        _ id: String, _ state: StoredPrompt.State, chat: String = "chat-1", user: String = "1", age: Double = 5
    ) -> StoredPrompt {
        StoredPrompt(
            jobID: "\(run)-\(id)", state: state, user: ChatUser(platform: .telegram, id: user),
            address: ChatAddress(platform: .telegram, chatID: chat), messageID: nil, updateID: nil,
            prompt: "prompt \(id)", sentAt: Date().addingTimeInterval(-age), queuedAt: Date().addingTimeInterval(-age),
            startedAt: state == .running ? Date() : nil)
    }

    @Test("an accepted prompt is in the intake before its job can start, and the channel hears so first")
    func storedBeforeQueued() async throws {
        let store = MemoryPromptIntakeStore()
        let router = try router(store: store)
        let (order, note) = AsyncStream<String>.makeStream()
        let admission = await router.admit(message("list files"), asking: .prompt)
        await router.handle(admission, replier: replier) { note.yield("durable") }
        guard case .started(let id) = await executor.events.next() else {
            Issue.record("the prompt did not start")
            return
        }
        #expect(await order.next() == "durable")
        #expect(await store.log.first == .stored(id))
        #expect(await store.rows.map(\.prompt) == ["list files"])
        await router.scheduler.shutdown()
    }

    @Test("a prompt the queue refuses leaves the intake; the busy reply is sent")
    func refusedPromptIsReleased() async throws {
        let store = MemoryPromptIntakeStore()
        let router = try router(store: store, queued: 0)
        await router.route(message("one"), asking: .prompt, replier: replier)
        _ = await executor.events.next()
        await router.route(message("two"), asking: .prompt, replier: replier)
        #expect(await store.rows.map(\.prompt) == ["one"])
        #expect(await replier.log == [.sent(SubmitResult.busy.reply!)])
        await router.scheduler.shutdown()
    }

    @Test("while the intake cannot store, the prompt waits and nothing runs; it runs once a write succeeds")
    func waitsForTheIntake() async throws {
        let store = MemoryPromptIntakeStore()
        await store.failStores(1)
        let router = try router(store: store)
        let handling = Task { await router.route(message("patience"), asking: .prompt, replier: replier) }
        guard case .failed = await store.events.next() else {
            Issue.record("no failed write")
            return
        }
        await clock.sleepers(atLeast: 1)
        #expect(router.intake?.alarm.current != nil)
        #expect(await router.scheduler.runningJobCount == 0)
        clock.advance(by: .seconds(1))
        await handling.value
        guard case .started = await executor.events.next() else {
            Issue.record("the prompt did not start after the write succeeded")
            return
        }
        #expect(router.intake?.alarm.current == nil)
        await router.scheduler.shutdown()
    }

    @Test("after a restart: queued prompts run in order, a running one is reported and not re-run, old ones get the offline notice")
    func resume() async throws {
        let store = MemoryPromptIntakeStore([
            stored("r1", .running), stored("q2", .queued), stored("q3", .queued),
            stored("old", .queued, chat: "chat-2", age: 900), stored("gone", .queued, chat: "chat-3", user: "666"),
        ])
        let router = try router(store: store)
        await router.resumeStoredPrompts(on: .telegram, replier: replier)
        #expect(await executor.events.next() == .started("\(run)-q2"))
        let log = await store.log
        #expect(log.contains(.finished("\(run)-r1", .interrupted)))
        #expect(log.contains(.finished("\(run)-old", nil)) && log.contains(.finished("\(run)-gone", nil)))
        #expect(await store.rows.map(\.jobID) == ["\(run)-q2", "\(run)-q3"])
        var texts: [String] = []
        for _ in 0..<2 {
            if case .sent(let text)? = await replier.events.next() { texts.append(text) }
        }
        #expect(texts.contains(JobMessages.interruptedByRestart(prompt: "prompt r1")))
        #expect(texts.contains { $0.hasPrefix("⏰ This message waited") })
        #expect(await router.scheduler.snapshot().map(\.id) == ["\(run)-q2", "\(run)-q3"])

        await executor.finish("\(run)-q2")
        #expect(await executor.events.next() == .finished("\(run)-q2", .ok))
        #expect(await executor.events.next() == .started("\(run)-q3"))
        await router.scheduler.shutdown()
    }

    @Test("/new while the caller's job runs: that job will not store its session")
    func newConversationWinsOverARunningJob() async throws {
        let store = MemoryPromptIntakeStore()
        let router = try router(store: store)
        await router.route(message("long task"), asking: .prompt, replier: replier)
        _ = await executor.events.next()
        let job = try #require(await router.scheduler.runningJob(in: message("").address.chatKey))
        #expect(!job.control.sessionForgotten)
        await router.route(message("/new"), asking: .newConversation, replier: replier)
        #expect(job.control.sessionForgotten)
        await router.scheduler.shutdown()
    }
}
