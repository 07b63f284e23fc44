import Testing

@testable import ClaudioBot

@Suite("Chat turns: in order within a chat, chats at the same time")
struct ChatTurnsTests {
    @Test("Handlers of one chat run in ticket order even when they start out of order")
    func orderWithinChat() async {
        let turns = ChatTurns()
        let first = turns.take(in: "C1")
        let second = turns.take(in: "C1")
        let (events, sink) = AsyncStream<Int>.makeStream()
        let late = Task {
            await turns.wait(for: second, in: "C1")
            sink.yield(second)
            turns.finish(second, in: "C1")
        }
        await turns.wait(for: first, in: "C1")
        sink.yield(first)
        turns.finish(first, in: "C1")
        await late.value
        sink.finish()
        var order: [Int] = []
        for await ticket in events { order.append(ticket) }
        #expect(order == [first, second])
    }

    @Test("Another chat does not wait")
    func chatsAreIndependent() async {
        let turns = ChatTurns()
        _ = turns.take(in: "C1")
        let other = turns.take(in: "C2")
        await turns.wait(for: other, in: "C2")
        turns.finish(other, in: "C2")
    }

    @Test("Closing releases every waiter")
    func closeReleases() async {
        let turns = ChatTurns()
        _ = turns.take(in: "C1")
        let blocked = turns.take(in: "C1")
        let waiter = Task { await turns.wait(for: blocked, in: "C1") }
        turns.close()
        await waiter.value
    }
}
