import Testing

@testable import ClaudioBot

@Suite("Telegram update window: the offset never passes an update that is neither handled nor stored")
struct TelegramUpdateWindowTests {
    @Test("the offset stops at the lowest unsettled update and moves on as updates settle, in any order")
    func offsetFollowsSettling() {
        let window = TelegramUpdateWindow(storedOffset: 10, storedBefore: [])
        #expect(window.offset == 10)
        window.take(10, handled: false)
        window.take(11, handled: true)
        window.take(12, handled: false)
        #expect(window.offset == 10)
        #expect(window.hasUnsettled && window.handlerCount == 2)
        window.settle(12)
        #expect(window.offset == 10, "12 is settled, but 10 is not: a poll from 11 would confirm 10")
        window.settle(10)
        #expect(window.offset == 13)
        #expect(!window.hasUnsettled)
        window.handlerEnded()
        window.handlerEnded()
        #expect(window.handlerCount == 0)
    }

    @Test("before any offset was stored, the first update taken starts the window")
    func noStoredOffset() {
        let window = TelegramUpdateWindow(storedOffset: nil, storedBefore: [])
        #expect(window.offset == nil)
        #expect(window.classify(500) == .new)
        window.take(500, handled: false)
        #expect(window.offset == 500)
        window.settle(500)
        #expect(window.offset == 501)
    }

    @Test("updates offered again are known: taken ones are skipped, ones an earlier run stored are skipped once")
    func classification() {
        let window = TelegramUpdateWindow(storedOffset: 10, storedBefore: [12, 15])
        #expect(window.classify(9) == .taken)
        #expect(window.classify(10) == .new)
        #expect(window.classify(12) == .storedBefore)
        window.take(10, handled: false)
        #expect(window.classify(10) == .taken, "offered again while still being handled")
        window.take(12, handled: true)
        #expect(window.classify(12) == .taken)
        #expect(window.classify(15) == .storedBefore)
        window.take(16, handled: true)
        #expect(window.classify(15) == .taken, "an update before the last one taken is never offered again")
        #expect(window.offset == 10)
    }

    @Test("a waiter wakes when an update settles or a handler ends, at once when that already happened")
    func waitingForChange() async {
        let window = TelegramUpdateWindow(storedOffset: 1, storedBefore: [])
        window.take(1, handled: false)
        let before = window.generation
        let waiter = Task { await window.waitForChange(since: before) }
        window.settle(1)
        await waiter.value
        await window.waitForChange(since: before)
        let afterSettle = window.generation
        window.settle(1)
        #expect(window.generation == afterSettle, "settling twice is no change")
        let second = Task { await window.waitForChange(since: afterSettle) }
        window.handlerEnded()
        await second.value
    }

    @Test("a cancelled waiter returns")
    func cancelledWaiter() async {
        let window = TelegramUpdateWindow(storedOffset: 1, storedBefore: [])
        let waiter = Task { await window.waitForChange(since: window.generation) }
        waiter.cancel()
        await waiter.value
    }
}
