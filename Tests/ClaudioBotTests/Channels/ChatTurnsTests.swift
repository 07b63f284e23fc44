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

    @Test("serve: one chat's items in order while another chat's go ahead; skipped items never run")
    func serveItems() async {
        let (items, feed) = AsyncStream<(chat: String, number: Int)>.makeStream()
        let (done, note) = AsyncStream<String>.makeStream()
        let (gate, open) = AsyncStream<Void>.makeStream()
        let serving = Task {
            await ChatTurns().serve(items) { item in
                guard item.number > 0 else { return nil }
                return (item.chat, {
                    // A1 is a slow send: A2 must wait for it, B1 must not.
                    if item == ("A", 1) { for await _ in gate { break } }
                    note.yield("\(item.chat)\(item.number)")
                })
            }
        }
        for item in [("A", 1), ("A", 2), ("B", 0), ("B", 1)] { feed.yield(item) }
        #expect(await done.next() == "B1")
        open.yield()
        #expect(await done.next() == "A1")
        #expect(await done.next() == "A2")
        feed.finish()
        await serving.value
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
