import ClaudioTestSupport
import Foundation
import Shared
import Testing

@testable import ClaudioBot

@Suite("Prompt intake: a failed write is retried with backoff and shows until it succeeds")
struct PromptIntakeTests {
    @Test("a prompt whose write fails waits, the alarm says why, and it is stored on a later attempt")
    func retriesUntilStored() async throws {
        let clock = TestClock()
        let store = MemoryPromptIntakeStore()
        await store.failStores(2)
        let intake = PromptIntake(
            store: store, clock: AnyClock(clock), retryBackoff: RetryBackoff(initial: .seconds(1), maximum: .seconds(4)))
        let keeping = Task { await intake.keep(StoreFixtures.prompt("j1")) }
        #expect(await store.events.next() == .failed("j1"))
        await clock.sleepers(atLeast: 1)
        let problem = try #require(intake.alarm.current)
        #expect(problem.text.contains("cannot store accepted prompts") && problem.text.contains("disk I/O error"))
        clock.advance(by: .seconds(1))
        #expect(await store.events.next() == .failed("j1"))
        #expect(intake.alarm.current?.since == problem.since, "the alarm keeps the time of the first failure")
        await clock.sleepers(atLeast: 1)
        clock.advance(by: .seconds(2))
        #expect(await keeping.value)
        #expect(await store.log.last == .stored("j1"))
        #expect(intake.alarm.current == nil)
    }

    @Test("cancelled while the write keeps failing: not stored, and it says so")
    func cancelledWhileFailing() async {
        let clock = TestClock()
        let store = MemoryPromptIntakeStore()
        await store.failStores(100)
        let intake = PromptIntake(store: store, clock: AnyClock(clock))
        let keeping = Task { await intake.keep(StoreFixtures.prompt("j1")) }
        await clock.sleepers(atLeast: 1)
        keeping.cancel()
        #expect(await keeping.value == false)
        #expect(await store.rows.isEmpty)
    }
}
