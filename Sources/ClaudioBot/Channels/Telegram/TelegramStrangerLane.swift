import Logging
import Synchronization

/// Replies to people who are not allowed — a denial, their ID — sent best effort (SPEC §18): after authorized
/// traffic, once, never resent, dropped on a 429 or while their chat is held back. The caller never waits for them,
/// so a stranger's flood cannot slow anyone down; the queue is bounded, and what does not fit is dropped and logged.
final class TelegramStrangerLane: Sendable {
    /// Replies waiting; beyond this they are dropped (the sender is not authorized, so nothing is lost).
    static let capacity = 256

    private struct Reply: Sendable {
        var chatID: String
        var text: String
    }

    private let api: TelegramBotAPI
    private let priority: TelegramPriorityTraffic
    private let inbox: AsyncStream<Reply>.Continuation
    private let dropped = Atomic(0)
    private let logger: Logger

    init(api: TelegramBotAPI, priority: TelegramPriorityTraffic, logger: Logger) {
        self.api = api
        self.priority = priority
        self.logger = logger
        let (replies, inbox) = AsyncStream.makeStream(of: Reply.self, bufferingPolicy: .bufferingOldest(Self.capacity))
        self.inbox = inbox
        Task { [api, priority, logger] in
            for await reply in replies {
                await priority.waitUntilIdle()
                await Self.sendOnce(reply, api: api, logger: logger)
            }
        }
    }

    deinit {
        inbox.finish()
    }

    /// Queues `text` for `chatID` and returns at once.
    func send(_ text: String, to chatID: String) {
        if case .dropped = inbox.yield(Reply(chatID: chatID, text: text)) {
            let count = dropped.add(1, ordering: .relaxed).newValue
            if count == 1 || count % 1000 == 0 {
                logger.warning("dropping replies to unauthorized users: \(count) so far (more than \(Self.capacity) waiting)")
            }
        }
    }

    private static func sendOnce(_ reply: Reply, api: TelegramBotAPI, logger: Logger) async {
        guard await api.floodWait.isOpen(reply.chatID) else {
            logger.debug("dropped a reply to unauthorized chat \(reply.chatID): the chat is held back by a 429")
            return
        }
        do {
            _ = try await api.call(
                "sendMessage", ["chat_id": .chatID(reply.chatID), "text": .string(reply.text)],
                as: TelegramMessage.self)
        } catch .tooManyRequests(let retryAfter, _) {
            await api.floodWait.block(reply.chatID, for: retryAfter)
            logger.notice("dropped a reply to unauthorized chat \(reply.chatID): 429, retry after \(retryAfter) s")
        } catch {
            logger.debug("dropped a reply to unauthorized chat \(reply.chatID): \(error)")
        }
    }
}
