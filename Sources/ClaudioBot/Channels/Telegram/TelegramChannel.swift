import Foundation
import Logging
import Shared
import Synchronization

/// The Telegram channel (SPEC §9): checks the token with `getMe`, removes any webhook, registers the command menu
/// and its replier, then long-polls `getUpdates` until shutdown.
///
/// The poller and the handler are two tasks joined by a queue, so a handler waiting out a 429 never holds up polling,
/// while updates are still handled one at a time, in order. The stored offset moves past an update that could start
/// claude (one from an authorized user) right before it is handled, and is synced to disk: a restart neither runs a
/// handled prompt again nor loses one that was fetched but not yet handled. Updates that cannot start anything (from
/// strangers, malformed) only move the stored offset at the end of their batch — one disk sync per batch instead of
/// one per update, so a flood of strangers is handled thousands of times faster; after a crash such an update is at
/// worst denied a second time.
final class TelegramChannel: ChatChannel {
    let platform = Platform.telegram
    private let context: ChannelContext
    private let api: TelegramBotAPI
    private let replier: TelegramReplier
    /// Seconds each `getUpdates` waits for news (Telegram caps it at 50).
    private let pollTimeout: Int
    /// Pauses between failed polls: 1 s doubling to 30 s, with jitter.
    private let reconnectBackoff: RetryBackoff
    private let healthState = Mutex(ChannelHealth.starting)
    private let logger = Logger(label: "claudio.telegram")

    /// - Parameters:
    ///   - pollTimeout: seconds each long poll may wait.
    ///   - reconnectBackoff: pauses between failed calls while connecting and polling.
    ///   - deliveryPolicy: how outgoing messages are resent.
    init(
        context: ChannelContext, pollTimeout: Int, reconnectBackoff: RetryBackoff,
        deliveryPolicy: TelegramDeliveryPolicy
    ) {
        self.context = context
        api = TelegramBotAPI(
            token: context.settings.telegramBotToken ?? "", baseURL: context.settings.telegramAPIBaseURL,
            http: context.http, deliveryPolicy: deliveryPolicy, clock: context.clock, logger: logger)
        replier = TelegramReplier(api: api, logger: logger)
        self.pollTimeout = pollTimeout
        self.reconnectBackoff = reconnectBackoff
    }

    func health() async -> ChannelHealth {
        healthState.withLock { $0 }
    }

    func run() async throws {
        guard let bot = try await identifyBot() else { return }
        logger.info("Telegram: connected as @\(bot.username ?? String(bot.id))")
        do {
            try await api.deleteWebhook()
            try await api.setMyCommands(TelegramBotCommand.menu)
        } catch .unauthorized(let description) {
            throw ChannelError.credentialsRejected(platform: .telegram, detail: "401 \(description)")
        } catch .cancelled {
            return
        } catch {
            // A webhook left in place shows up as 409 on every poll, which is reported there.
            report(error, while: "preparing the bot")
        }
        let handler = TelegramUpdateHandler(router: context.router, replier: replier, botUsername: bot.username)
        try await serve(handler)
    }

    // MARK: - Start

    /// `getMe`, retried while Telegram is unreachable. Nil when cancelled first.
    /// - Throws: `ChannelError.credentialsRejected` on 401, and on 404, which Telegram answers for a malformed token.
    private func identifyBot() async throws -> TelegramUser? {
        var backoff = reconnectBackoff
        while true {
            do {
                return try await api.getMe()
            } catch .unauthorized(let description) {
                throw ChannelError.credentialsRejected(platform: .telegram, detail: "getMe answered 401 \(description)")
            } catch .notFound(let description) {
                throw ChannelError.credentialsRejected(platform: .telegram, detail: "getMe answered 404 \(description)")
            } catch .cancelled {
                return nil
            } catch {
                report(error, while: "checking the token (getMe)")
                var delay = backoff.nextDelay()
                if case .tooManyRequests(let retryAfter, _) = error { delay = .seconds(retryAfter) }
                do { try await api.pause(for: delay) } catch { return nil }
            }
        }
    }

    // MARK: - Polling

    /// What the poller hands the handler.
    private enum Work: Sendable {
        case handle(TelegramUpdate)
        /// A malformed update: only its offset is stored.
        case skip(updateID: Int64)
        /// The rest of a `getUpdates` answer is queued: store any offset still pending.
        case endOfBatch
    }

    private func serve(_ handler: TelegramUpdateHandler) async throws {
        let (work, intake) = AsyncStream<Work>.makeStream()
        defer { intake.finish() }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                var unstoredOffset: Int64?
                for await item in work {
                    unstoredOffset = await self.process(item, with: handler, unstoredOffset: unstoredOffset)
                }
            }
            try await poll(into: intake)
            intake.finish()
            group.cancelAll()
        }
    }

    /// Handles one work item; returns the offset that is handled but not stored yet.
    private func process(_ item: Work, with handler: TelegramUpdateHandler, unstoredOffset: Int64?) async -> Int64? {
        switch item {
        case .skip(let updateID):
            return updateID + 1
        case .endOfBatch:
            guard let unstoredOffset else { return nil }
            do {
                try await context.state.saveTelegramOffset(unstoredOffset)
                return nil
            } catch {
                logger.warning("the Telegram offset \(unstoredOffset) could not be stored yet: \(error)")
                return unstoredOffset
            }
        case .handle(let update):
            guard let admission = await handler.admit(update) else { return update.updateID + 1 }
            guard admission.mayStartJob else {
                await handler.handle(admission)
                return update.updateID + 1
            }
            do {
                try await context.state.saveTelegramOffset(update.updateID + 1)
            } catch {
                // Handling it without a stored offset could run it twice after a restart.
                logger.error("update \(update.updateID) not handled: the offset could not be stored: \(error)")
                return unstoredOffset
            }
            await handler.handle(admission)
            return nil
        }
    }

    /// Long-polls until cancelled, handing each update to `intake` in order.
    /// - Throws: `ChannelError.credentialsRejected` when the token is revoked while running.
    private func poll(into intake: AsyncStream<Work>.Continuation) async throws {
        var offset = await context.state.telegramOffset()
        var backoff = reconnectBackoff
        while !Task.isCancelled {
            let delay: Duration
            do {
                let slots = try await api.getUpdates(offset: offset, timeout: pollTimeout)
                markConnected()
                backoff.reset()
                let previous = offset
                for slot in slots {
                    offset = take(slot, after: offset, into: intake)
                }
                if !slots.isEmpty { intake.yield(.endOfBatch) }
                // Updates nobody can confirm would come back at once, forever: slow down instead of spinning.
                guard !slots.isEmpty, offset == previous else { continue }
                delay = backoff.nextDelay()
            } catch .cancelled {
                return
            } catch .unauthorized(let description) {
                throw ChannelError.credentialsRejected(
                    platform: .telegram, detail: "getUpdates answered 401 \(description)")
            } catch .tooManyRequests(let retryAfter, let description) {
                report(.tooManyRequests(retryAfter: retryAfter, description: description), while: "polling")
                delay = .seconds(retryAfter)
            } catch .conflict(let description) {
                report(
                    .conflict(description: description),
                    while: "polling (a webhook is set, or another process polls with this token)")
                delay = backoff.nextDelay()
            } catch {
                report(error, while: "polling")
                delay = backoff.nextDelay()
            }
            do { try await context.clock.sleep(for: delay) } catch { return }
        }
    }

    /// Queues one slot of a batch and returns the offset after it.
    private func take(_ slot: TelegramUpdateSlot, after offset: Int64?, into intake: AsyncStream<Work>.Continuation)
        -> Int64?
    {
        switch slot {
        case .update(let update):
            if let offset, update.updateID < offset { return offset }
            intake.yield(.handle(update))
            return update.updateID + 1
        case .malformed(let updateID?, let reason):
            logger.warning("skipping malformed Telegram update \(updateID): \(reason)")
            if let offset, updateID < offset { return offset }
            intake.yield(.skip(updateID: updateID))
            return updateID + 1
        case .malformed(nil, let reason):
            logger.warning("skipping a Telegram update without an update_id: \(reason)")
            return offset
        }
    }

    // MARK: - Health

    private func markConnected() {
        healthState.withLock { $0 = ChannelHealth(connected: true, lastError: nil, lastErrorAt: nil) }
    }

    private func report(_ error: TelegramAPIError, while activity: String) {
        let text = context.http.redactor.redact("\(activity): \(error)")
        logger.warning("Telegram: \(text)")
        healthState.withLock { $0 = ChannelHealth(connected: false, lastError: text, lastErrorAt: Date()) }
    }
}
