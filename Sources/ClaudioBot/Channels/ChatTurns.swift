import Synchronization

/// Keeps each chat's messages in arrival order while different chats are handled at the same time: the dispatcher
/// takes a ticket per message in order, and each handler waits until its chat serves that ticket. A slow send in one
/// chat (a per-chat rate limit, a chat answering 429) then never delays another chat's handling (SPEC §18). Both
/// channels use it: Slack per envelope, Telegram per update.
final class ChatTurns: Sendable {
    private struct Line {
        var nextTicket = 0
        var serving = 0
        var waiting: [Int: CheckedContinuation<Void, Never>] = [:]
    }

    private struct State {
        var lines: [String: Line] = [:]
        var closed = false
    }

    private let state = Mutex(State())

    init() {}

    /// The next place in `chat`'s line. Call in arrival order.
    func take(in chat: String) -> Int {
        state.withLock { state in
            var line = state.lines[chat] ?? Line()
            let ticket = line.nextTicket
            line.nextTicket += 1
            state.lines[chat] = line
            return ticket
        }
    }

    /// Returns when `ticket` is served, or at once after `close()`.
    func wait(for ticket: Int, in chat: String) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let ready = state.withLock { state -> Bool in
                if state.closed || state.lines[chat]?.serving == ticket { return true }
                state.lines[chat]?.waiting[ticket] = continuation
                return false
            }
            if ready { continuation.resume() }
        }
    }

    /// Ends `ticket`'s turn and lets the next one in `chat` go.
    func finish(_ ticket: Int, in chat: String) {
        let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard var line = state.lines[chat], line.serving == ticket else { return nil }
            line.serving += 1
            if line.serving == line.nextTicket {
                state.lines[chat] = nil
                return nil
            }
            let next = line.waiting.removeValue(forKey: line.serving)
            state.lines[chat] = line
            return next
        }
        next?.resume()
    }

    /// Handles each item of `items` on a task of its own, in arrival order within its chat and at the same time across
    /// chats; returns once `items` has ended and every handler has returned. `route` is called in arrival order, one
    /// item at a time, and names an item's chat and its work, or returns nil to skip it (a redelivery, a shed
    /// message). Work whose turn comes after cancellation (shutdown) is not started.
    func serve<Item: Sendable>(
        _ items: AsyncStream<Item>, route: (Item) async -> (chat: String, work: @Sendable () async -> Void)?
    ) async {
        await withDiscardingTaskGroup { group in
            for await item in items {
                guard let (chat, work) = await route(item) else { continue }
                let ticket = take(in: chat)
                group.addTask {
                    await self.wait(for: ticket, in: chat)
                    defer { self.finish(ticket, in: chat) }
                    guard !Task.isCancelled else { return }
                    await work()
                }
            }
            close()
        }
    }

    /// Releases every waiter (shutdown); later waits return at once.
    func close() {
        let waiting = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.closed = true
            defer { state.lines = [:] }
            return state.lines.values.flatMap { $0.waiting.values }
        }
        for continuation in waiting { continuation.resume() }
    }
}
