import Foundation
import Logging
import Shared

/// Polling (SPEC §9, §18): fetch updates, let the gate decide once per update in arrival order, hand each to its chat's
/// turn, and confirm an update to Telegram only once it is handled or its prompt is in the intake.
extension TelegramChannel {
    /// An update on its way to its chat's handler.
    struct Dispatched: Sendable {
        let updateID: Int64
        let admission: Admission
    }

    /// What the poller remembers about a full backlog, to log each episode once.
    struct Backlog {
        var shed = 0
        var holdingBack = false
    }

    func serve(_ handler: TelegramUpdateHandler) async throws {
        let storedOffset = await context.state.telegramOffset()
        let window = TelegramUpdateWindow(
            storedOffset: storedOffset, storedBefore: await context.state.storedTelegramUpdates(from: storedOffset))
        let (work, dispatch) = AsyncStream<Dispatched>.makeStream()
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask {
                await ChatTurns().serve(work) { item in
                    (item.admission.message.chatID, {
                        defer { window.handlerEnded() }
                        await handler.handle(item.admission) { window.settle(item.updateID) }
                        window.settle(item.updateID)
                    })
                }
            }
            defer { dispatch.finish() }
            try await poll(window: window, storedOffset: storedOffset, handler: handler, dispatch: dispatch)
        }
    }

    /// Long-polls until cancelled. The offset each poll confirms with is stored first; while an update is unsettled
    /// (a poll would only offer it again) or the backlog is full, the poller waits until something settles or
    /// `stallPollInterval` passes; while accepted prompts cannot be stored it does not poll at all.
    /// - Throws: `ChannelError.credentialsRejected` when the token is revoked while running.
    private func poll(
        window: TelegramUpdateWindow, storedOffset: Int64?, handler: TelegramUpdateHandler,
        dispatch: AsyncStream<Dispatched>.Continuation
    ) async throws {
        var stored = storedOffset
        var backoff = options.reconnectBackoff
        var backlog = Backlog()
        var mustWait = false
        var generation = window.generation
        while !Task.isCancelled {
            if mustWait { await pause(window, since: generation) }
            // Read once: the window may move on while the write is under way, and the poll must use what is stored.
            let offset = window.offset
            guard await storeOffset(offset, stored: &stored) else { return }
            generation = window.generation
            // A prompt waiting for the intake holds the offset back anyway; taking more would only pile them up.
            mustWait = context.router.intake?.alarm.current != nil
            if mustWait { continue }
            let delay: Duration
            do {
                let slots = try await api.getUpdates(
                    offset: offset, timeout: window.hasUnsettled ? 0 : options.pollTimeout)
                markConnected()
                backoff.reset()
                let tookAll = await take(slots, window: window, handler: handler, dispatch: dispatch, backlog: &backlog)
                mustWait = window.hasUnsettled || !tookAll
                // Updates nobody can confirm would come back at once, forever: slow down instead of spinning.
                guard !mustWait, !slots.isEmpty, window.offset == offset else { continue }
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

    /// Returns when an update settles or a handler ends after `generation`, or after `stallPollInterval`.
    private func pause(_ window: TelegramUpdateWindow, since generation: Int) async {
        let (clock, interval) = (context.clock, options.stallPollInterval)
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await window.waitForChange(since: generation) }
            group.addTask { try? await clock.sleep(for: interval) }
            await group.next()
            group.cancelAll()
        }
    }

    /// Stores `offset` unless it is stored already, retrying while the write fails: polling pauses meanwhile and the
    /// failure shows in health, because polling with an offset that is not stored could lose or repeat updates after
    /// a restart. Returns false when cancelled first.
    private func storeOffset(_ offset: Int64?, stored: inout Int64?) async -> Bool {
        guard let offset, offset != stored else { return true }
        let state = context.state
        let saved = await offsetAlarm.retry(
            { try await state.saveTelegramOffset(offset) },
            problem: "cannot store the Telegram update offset, so polling is paused", backoff: options.storeRetryBackoff,
            clock: context.clock, logger: logger)
        if saved { stored = offset }
        return saved
    }

    /// Takes one answer's updates in order: each new one is judged by the gate, then settled at once when handling it
    /// does nothing, or handed to its chat's handler. With `backlogLimit` handlers at work, a stranger's update is shed
    /// (settled unanswered) and an authorized user's is left at Telegram with everything after it.
    /// - Returns: false when it stopped early for a full backlog.
    private func take(
        _ slots: [TelegramUpdateSlot], window: TelegramUpdateWindow, handler: TelegramUpdateHandler,
        dispatch: AsyncStream<Dispatched>.Continuation, backlog: inout Backlog
    ) async -> Bool {
        for slot in slots {
            let updateID: Int64
            switch slot {
            case .malformed(nil, let reason):
                logger.warning("skipping a Telegram update without an update_id: \(reason)")
                continue
            case .malformed(let id?, let reason):
                guard window.classify(id) != .taken else { continue }
                logger.warning("skipping malformed Telegram update \(id): \(reason)")
                window.take(id, handled: true)
                continue
            case .update(let update):
                updateID = update.updateID
                switch window.classify(updateID) {
                case .taken:
                    continue
                case .storedBefore:
                    logger.info("Telegram update \(updateID) is in the intake already: it is not handled again")
                    window.take(updateID, handled: true)
                    continue
                case .new:
                    break
                }
                if let press = update.callbackQuery {
                    answerPress(press)
                    window.take(updateID, handled: true)
                    continue
                }
                guard let admission = await handler.admit(update), admission.needsHandling else {
                    window.take(updateID, handled: true)
                    continue
                }
                guard window.handlerCount < options.backlogLimit else {
                    guard admission.isAuthorized else {
                        shed(updateID, from: admission.message.user, backlog: &backlog)
                        window.take(updateID, handled: true)
                        continue
                    }
                    if !backlog.holdingBack {
                        logger.notice("""
                            Telegram: \(options.backlogLimit) updates are being handled; \
                            authorized users' updates wait at Telegram until handlers catch up
                            """)
                        backlog.holdingBack = true
                    }
                    return false
                }
                noteRoom(in: &backlog)
                window.take(updateID, handled: false)
                dispatch.yield(Dispatched(updateID: updateID, admission: admission))
            }
        }
        return true
    }

    private func shed(_ updateID: Int64, from user: ChatUser, backlog: inout Backlog) {
        if backlog.shed == 0 {
            logger.warning("""
                Telegram: \(options.backlogLimit) updates are being handled; \
                shedding strangers' updates (no reply) until the backlog drains
                """)
        }
        backlog.shed += 1
        logger.debug("Telegram: shed update \(updateID) from stranger \(user.id) (@\(user.username ?? "-"))")
    }

    private func noteRoom(in backlog: inout Backlog) {
        if backlog.shed > 0 {
            logger.notice("Telegram: the backlog has room again; \(backlog.shed) strangers' updates were shed")
        }
        backlog = Backlog()
    }
}
