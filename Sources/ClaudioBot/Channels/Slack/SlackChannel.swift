import Foundation
import Logging
import Shared
import Synchronization

/// Slack over Socket Mode (SPEC §4, §9): direct messages, mentions and slash commands in; answers in the thread.
///
/// `run()` checks the bot token with `auth.test`, registers the `SlackReplier`, then keeps one WebSocket open:
/// `apps.connections.open` for a fresh URL, `hello`, envelopes acknowledged as they arrive; on `disconnect` or a
/// dropped socket it connects again (at once when Slack asked for a refresh, else with backoff). Envelopes are
/// handled on their own tasks, in order within each chat, and a redelivered event (same `event_id`) is skipped, so
/// nothing runs twice across reconnects.
final class SlackChannel: ChatChannel {
    let platform = Platform.slack

    private let context: ChannelContext
    private let api: SlackWebAPI
    private let replier: SlackReplier
    private let downloader: SlackFileDownloader
    private let reconnectBackoff: RetryBackoff
    private let pingInterval: Duration
    private let currentHealth = Mutex(ChannelHealth.starting)
    private let recentEvents = Mutex(SlackEventDeduplicator())
    /// Envelopes acknowledged but not handled yet, and how many strangers' ones were shed.
    private let backlog = Mutex((pending: 0, shed: 0))
    /// Beyond this many waiting envelopes, strangers' ones are dropped (SPEC §18: bounded backlogs); an allowed
    /// user's are always kept.
    private let backlogLimit: Int
    private let logger = Logger(label: "claudio.slack")

    /// - Parameters:
    ///   - context: what the daemon hands every channel; the settings hold both Slack tokens.
    ///   - reconnectBackoff: delays between connection attempts after failures (SPEC §9: 1 s → 30 s).
    ///   - sendBackoff: delays between attempts of a failed send.
    ///   - pingInterval: how often the WebSocket is pinged to notice a dead connection.
    ///   - backlogLimit: envelopes waiting to be handled beyond which strangers' ones are dropped.
    init(
        context: ChannelContext, reconnectBackoff: RetryBackoff = RetryBackoff(),
        sendBackoff: RetryBackoff = RetryBackoff(), pingInterval: Duration = .seconds(30), backlogLimit: Int = 500
    ) {
        self.backlogLimit = backlogLimit
        self.context = context
        var api = SlackWebAPI(settings: context.settings, http: context.http)
        api.retryBackoff = sendBackoff
        api.clock = context.clock
        self.api = api
        replier = SlackReplier(api: api)
        downloader = SlackFileDownloader(api: api)
        self.reconnectBackoff = reconnectBackoff
        self.pingInterval = pingInterval
    }

    /// The connection's state, unless accepted prompts cannot be stored (SPEC §18 "Where it shows").
    func health() async -> ChannelHealth {
        let connection = currentHealth.withLock { $0 }
        return context.router.intake?.alarm.overriding(connection) ?? connection
    }

    func run() async throws {
        if context.settings.slackAllowsEveryone {
            logger.warning("⚠️ \(StartupWarnings.slackOpenToWorkspace)")
        }
        defer { currentHealth.withLock { $0.connected = false } }
        guard let identity = try await authenticate() else { return }
        await context.router.resumeStoredPrompts(on: .slack, replier: replier)
        let (envelopes, inbox) = AsyncStream.makeStream(of: SlackEnvelope.self)
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask { await self.handleEnvelopes(envelopes, identity: identity) }
            defer { inbox.finish() }
            try await serveSocket(delivering: inbox)
        }
    }

    // MARK: - Connection

    /// `auth.test` until it answers; nil when cancelled first.
    /// - Throws: `ChannelError.credentialsRejected` when Slack refuses the bot token.
    private func authenticate() async throws -> SlackIdentity? {
        var backoff = reconnectBackoff
        while !Task.isCancelled {
            do {
                let identity = try await api.authTest()
                let team = identity.teamID ?? "no team ID: every sender counts as from another workspace"
                logger.info("Slack: signed in as bot user \(identity.userID) in team \(identity.team ?? "?") (\(team))")
                return identity
            } catch let error as ChannelError {
                noteError(error.description, kind: .auth)
                throw error
            } catch {
                if Task.isCancelled { return nil }
                let delay = backoff.nextDelay()
                noteError("\(error)", kind: (error as? SlackAPIError)?.metricKind ?? .network)
                logger.warning("Slack auth.test failed: \(error); retrying in \(delay)")
                guard (try? await context.clock.sleep(for: delay)) != nil else { return nil }
            }
        }
        return nil
    }

    /// Keeps a Socket Mode connection open until cancelled.
    private func serveSocket(delivering inbox: AsyncStream<SlackEnvelope>.Continuation) async throws {
        var backoff = reconnectBackoff
        while !Task.isCancelled {
            var delay: Duration?
            do {
                let url = try await api.openConnection()
                let connection = SlackSocketConnection(
                    url: url, pingInterval: pingInterval, logger: logger,
                    onHello: { [weak self] in self?.noteConnected() },
                    onEnvelope: { inbox.yield($0) })
                let outcome = try await connection.run()
                currentHealth.withLock { $0.connected = false }
                if outcome.receivedHello { backoff.reset() }
                if Task.isCancelled { return }
                switch outcome.disconnectReason {
                case "refresh_requested", "warning":
                    logger.info("Slack asked for a new connection (\(outcome.disconnectReason ?? ""))")
                    delay = outcome.receivedHello ? nil : backoff.nextDelay()
                case let reason?:
                    logger.warning("Slack closed the connection (\(reason)); reconnecting")
                    delay = backoff.nextDelay()
                case nil:
                    noteError("the Socket Mode connection dropped", kind: .disconnected)
                    delay = backoff.nextDelay()
                    logger.warning("the Socket Mode connection dropped; reconnecting in \(delay ?? .zero)")
                }
            } catch let error as ChannelError {
                noteError(error.description, kind: .auth)
                throw error
            } catch {
                currentHealth.withLock { $0.connected = false }
                if Task.isCancelled { return }
                noteError("\(error)", kind: (error as? SlackAPIError)?.metricKind ?? .network)
                delay = backoff.nextDelay()
                logger.warning("Slack Socket Mode: \(error); reconnecting in \(delay ?? .zero)")
            }
            if let delay {
                guard (try? await context.clock.sleep(for: delay)) != nil else { return }
            }
        }
    }

    private func noteConnected() {
        currentHealth.withLock { $0 = ChannelHealth(connected: true, lastError: nil, lastErrorAt: nil) }
        logger.info("Slack Socket Mode connected")
    }

    private func noteError(_ message: String, kind: ChannelErrorKind) {
        context.metrics.channelError(.slack, kind: kind)
        let redacted = context.http.redactor.redact(message)
        currentHealth.withLock {
            $0.lastError = redacted
            $0.lastErrorAt = Date()
        }
    }

    // MARK: - Envelopes

    /// Handles envelopes as they are acknowledged: skips redeliveries, then runs each on its own task, in arrival
    /// order within a chat. Returns when the stream ends (shutdown).
    private func handleEnvelopes(_ envelopes: AsyncStream<SlackEnvelope>, identity: SlackIdentity) async {
        let interpreter = SlackEventInterpreter(identity: identity)
        await ChatTurns().serve(envelopes) { envelope in
            if case .blockAction(let press) = envelope.payload {
                answerPress(press)
                return nil
            }
            guard isFirstSighting(envelope) else {
                let reason = envelope.retryReason ?? "no reason"
                logger.info("skipped a redelivered Slack event (attempt \(envelope.retryAttempt), \(reason))")
                return nil
            }
            let action = interpreter.action(for: envelope)
            guard let chat = action.chatID else {
                if case .ignore(let reason) = action { logger.debug("ignored Slack envelope: \(reason)") }
                return nil
            }
            if backlog.withLock({ $0.pending }) >= backlogLimit, await isStranger(action) {
                shedStrangersEnvelope()
                return nil
            }
            backlog.withLock { $0.pending += 1 }
            return (chat, {
                defer { self.backlog.withLock { $0.pending -= 1 } }
                await self.perform(action)
            })
        }
    }

    /// Whether the action comes from someone not on the allowlist (a load-shedding check; the gate still decides
    /// every message it handles).
    private func isStranger(_ action: SlackInboundAction) async -> Bool {
        guard case .message(let message, _, _) = action else { return true }
        return await !context.router.gate.allowLists().isAllowed(message.user)
    }

    private func shedStrangersEnvelope() {
        let shed = backlog.withLock { state -> Int in
            state.shed += 1
            return state.shed
        }
        if shed == 1 || shed % 1000 == 0 {
            logger.warning(
                "Slack backlog over \(backlogLimit) envelopes: dropping unauthorized users' messages (\(shed) so far)")
        }
    }

    private func perform(_ action: SlackInboundAction) async {
        guard case .message(let message, let request, let responseURL) = action else { return }
        let answering: any ChatReplier =
            responseURL == nil ? replier : SlackResponseReplier(api: api, responseURL: responseURL, channel: replier)
        await context.router.route(message, asking: request, replier: answering, downloader: downloader)
    }

    /// Hands a button press to the router on a task of its own (the envelope is already acknowledged); a refusal
    /// goes to the presser alone, as an ephemeral message in the question's thread.
    private func answerPress(_ press: SlackBlockAction) {
        let (router, api, logger) = (context.router, api, logger)
        Task {
            guard let token = press.value, let channel = press.channelID else { return }
            // Only the requester's ID is ever accepted, so the presser's workspace needs no check here.
            let user = ChatUser(platform: .slack, id: press.userID, username: press.userName)
            let reply = await router.press(ButtonPress(token: token, user: user))
            guard reply.isRefusal else { return }
            do {
                try await api.postEphemeral(
                    SlackMessagePayload(
                        channel: channel, text: SlackMrkdwnRenderer.escaped(reply.text), threadTS: press.threadTS,
                        user: press.userID))
            } catch {
                logger.notice("could not tell Slack user \(press.userID) why their press was refused: \(error)")
            }
        }
    }

    private func isFirstSighting(_ envelope: SlackEnvelope) -> Bool {
        recentEvents.withLock { $0.isFirstSighting(of: envelope.deduplicationKey) }
    }
}
