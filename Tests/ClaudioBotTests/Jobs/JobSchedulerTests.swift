import ClaudioTestSupport
import Foundation
import Shared
import Testing

@testable import ClaudioBot

@Suite("Job scheduler: one job per chat, FIFO, global limit, cancel and kill")
struct JobSchedulerTests {
    let executor = ScriptedExecutor()

    func scheduler(concurrent: Int = 3, queued: Int = 3, sandboxed: Bool = true) -> JobScheduler {
        JobScheduler(
            limits: .init(maxConcurrent: concurrent, maxQueuedPerChat: queued), executor: executor, sandboxed: sandboxed)
    }

    func job(_ id: String, chat: String = "c1", user: String = "u1") -> Job {
        Job(
            id: id, user: ChatUser(platform: .telegram, id: user, username: "user\(user)"),
            address: ChatAddress(platform: .telegram, chatID: chat), prompt: "prompt \(id)", queuedAt: Date(),
            replier: RecordingReplier())
    }

    @Test("a chat runs one job at a time and queues the rest in order, then says busy")
    func perChatFIFO() async {
        let scheduler = scheduler(queued: 2)
        #expect(await scheduler.submit(job("a")) == .started)
        #expect(await executor.events.next() == .started("a"))
        #expect(await scheduler.submit(job("b")) == .queued(position: 1))
        #expect(await scheduler.submit(job("c")) == .queued(position: 2))
        #expect(await scheduler.submit(job("d")) == .busy)

        await executor.finish("a")
        #expect(await executor.events.next() == .finished("a", .ok))
        #expect(await executor.events.next() == .started("b"))
        await executor.finish("b")
        #expect(await executor.events.next() == .finished("b", .ok))
        #expect(await executor.events.next() == .started("c"))
        await executor.finish("c")
        #expect(await executor.events.next() == .finished("c", .ok))
        #expect(await scheduler.snapshot().isEmpty)
    }

    @Test("no more than MAX_CONCURRENT_JOBS run across chats; a freed slot goes to the waiting chat")
    func globalLimit() async {
        let scheduler = scheduler(concurrent: 2)
        #expect(await scheduler.submit(job("a", chat: "c1", user: "u1")) == .started)
        #expect(await scheduler.submit(job("b", chat: "c2", user: "u2")) == .started)
        #expect(await scheduler.submit(job("c", chat: "c3", user: "u3")) == .queued(position: 1))
        _ = await executor.events.next()
        _ = await executor.events.next()
        #expect(await scheduler.runningJobCount == 2)

        await executor.finish("b")
        #expect(await executor.events.next() == .finished("b", .ok))
        #expect(await executor.events.next() == .started("c"))
        #expect(await scheduler.runningJobCount == 2)
        await executor.finish("a")
        await executor.finish("c")
    }

    @Test("/cancel stops the caller's running job and nobody else's")
    func cancelRunning() async {
        let scheduler = scheduler()
        _ = await scheduler.submit(job("a", user: "alice"))
        #expect(await executor.events.next() == .started("a"))
        #expect(await scheduler.cancel(chat: ChatKey(platform: .telegram, chatID: "c1"), userID: "bob") == nil)
        #expect(await scheduler.cancel(chat: ChatKey(platform: .telegram, chatID: "c1"), userID: "alice") == "a")
        #expect(await executor.events.next() == .finished("a", .cancelled))
    }

    @Test("/cancel of a queued prompt removes it and tells the chat")
    func cancelQueued() async {
        let scheduler = scheduler()
        _ = await scheduler.submit(job("a", user: "alice"))
        _ = await scheduler.submit(job("b", user: "bob"))
        #expect(await executor.events.next() == .started("a"))
        #expect(await scheduler.cancel(chat: ChatKey(platform: .telegram, chatID: "c1"), userID: "bob") == "b")
        #expect(await executor.events.next() == .discarded("b", .cancel))
        #expect(await scheduler.snapshot().map(\.id) == ["a"])
        await executor.finish("a")
    }

    @Test("an admin kill reports the killed process count; an unknown ID is nil")
    func adminKill() async {
        let scheduler = scheduler()
        _ = await scheduler.submit(job("a"))
        #expect(await executor.events.next() == .started("a"))
        #expect(await scheduler.kill(jobID: "nope", reason: .admin) == nil)
        #expect(await scheduler.kill(jobID: "a", reason: .admin) == 3)
        #expect(await executor.events.next() == .finished("a", .killed))
    }

    @Test("one user never holds every slot: the last free slot waits for someone else's prompt")
    func lastSlotIsKeptForAnotherUser() async {
        let scheduler = scheduler(concurrent: 2)
        #expect(await scheduler.submit(job("a1", chat: "c1", user: "alice")) == .started)
        #expect(await executor.events.next() == .started("a1"))
        #expect(await scheduler.submit(job("a2", chat: "c2", user: "alice")) == .queued(position: 1))
        #expect(await scheduler.submit(job("b1", chat: "c3", user: "bob")) == .started)
        #expect(await executor.events.next() == .started("b1"))
        // Bob's slot frees: alice still may not take both, so a newcomer's prompt gets it.
        await executor.finish("b1")
        #expect(await executor.events.next() == .finished("b1", .ok))
        #expect(await scheduler.submit(job("c1", chat: "c4", user: "carol")) == .started)
        #expect(await executor.events.next() == .started("c1"))
        // Alice's first job ends: her waiting prompt runs.
        await executor.finish("a1")
        #expect(await executor.events.next() == .finished("a1", .ok))
        #expect(await executor.events.next() == .started("a2"))
        await executor.finish("a2")
        await executor.finish("c1")
    }

    @Test("with one slot, fairness does not apply: a lone user's prompt runs")
    func singleSlot() async {
        let scheduler = scheduler(concurrent: 1)
        #expect(await scheduler.submit(job("a", chat: "c1", user: "alice")) == .started)
        #expect(await executor.events.next() == .started("a"))
        await executor.finish("a")
    }

    @Test("the registry shows running and queued jobs with their pid and state")
    func snapshotRows() async {
        let scheduler = scheduler()
        _ = await scheduler.submit(job("a", user: "alice"))
        #expect(await executor.events.next() == .started("a"))
        _ = await scheduler.submit(job("b", user: "bob"))
        let rows = await scheduler.snapshot()
        #expect(rows.map(\.id) == ["a", "b"])
        #expect(rows.map(\.state) == [.running, .queued])
        #expect(rows.first?.pid != nil)
        #expect(rows.first?.processes == 1)
        #expect(rows.last?.pid == nil)
        #expect(rows.first?.username == "useralice")
        #expect(rows.first?.promptExcerpt == "prompt a")
        #expect(rows.allSatisfy { $0.sandboxed }, "queued jobs will run in the sandbox too")
        await executor.finish("a")
        // b starts once a is done: finish it too, so its stand-in process is stopped before the test ends.
        #expect(await executor.events.next() == .finished("a", .ok))
        #expect(await executor.events.next() == .started("b"))
        await executor.finish("b")
        #expect(await executor.events.next() == .finished("b", .ok))
    }

    @Test("shutdown kills running jobs, drops queued ones and refuses new prompts")
    func shutdown() async {
        let scheduler = scheduler()
        _ = await scheduler.submit(job("a"))
        #expect(await executor.events.next() == .started("a"))
        _ = await scheduler.submit(job("b"))
        await scheduler.shutdown()
        var seen: [ScriptedExecutor.Event] = []
        for _ in 0..<2 { if let event = await executor.events.next() { seen.append(event) } }
        #expect(seen.contains(.discarded("b", .shutdown)))
        #expect(seen.contains(.finished("a", .interrupted)))
        #expect(await scheduler.submit(job("c")) == .shuttingDown)
        #expect(await scheduler.runningJobCount == 0)
    }
}
