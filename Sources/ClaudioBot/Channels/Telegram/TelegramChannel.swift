import Foundation
import Logging
import Shared
import Synchronization

/// The Telegram channel (SPEC §9): checks the token with `getMe`, removes any webhook, registers the command menu,
/// resumes the prompts an earlier run left in the intake, then long-polls `getUpdates` until shutdown
/// (`TelegramChannel+Polling.swift`).
///
/// Updates are handled in order within a chat and concurrently across chats (`ChatTurns`), so no chat's sends hold up
/// another's handling; and Telegram is never asked with an offset beyond the last update that was handled or whose
/// prompt is stored in the intake (`TelegramUpdateWindow`), so a crash at any moment loses no prompt and runs none
/// twice (SPEC §18).
final class TelegramChannel: ChatChannel {
    /// How the channel polls, resends and bounds its backlog.
    struct Options: Sendable {
        /// Seconds each `getUpdates` waits for news (Telegram caps it at 50).
        var pollTimeout = 30
        /// Pauses between failed polls: 1 s doubling to 30 s, with jitter.
        var reconnectBackoff = RetryBackoff()
        /// How outgoing messages are resent.
        var deliveryPolicy = TelegramDeliveryPolicy.standard
        /// The longest the poller waits for an unsettled update before it asks Telegram for other chats' news.
        var stallPollInterval: Duration = .seconds(1)
        /// Updates handled at once; beyond it strangers' updates are shed and authorized users' wait at Telegram.
        var backlogLimit = 64
        /// Pauses between failed writes of the offset.
        var storeRetryBackoff = RetryBackoff()
    }

    let platform = Platform.telegram
    let context: ChannelContext
    let api: TelegramBotAPI
    private let replier: TelegramReplier
    let options: Options
    private let healthState = Mutex(ChannelHealth.starting)
    /// Raised while the offset cannot be stored: polling is paused until it can.
    let offsetAlarm = StorageAlarm()
    let logger = Logger(label: "claudio.telegram")

    init(context: ChannelContext, options: Options) {
        self.context = context
        api = TelegramBotAPI(
            token: context.settings.telegramBotToken ?? "", baseURL: context.settings.telegramAPIBaseURL,
            http: context.http, deliveryPolicy: options.deliveryPolicy, clock: context.clock, logger: logger)
        replier = TelegramReplier(api: api, logger: logger)
        self.options = options
    }

    /// The connection's state, unless a write that must not be lost is failing (the offset, or accepted prompts):
    /// then `connected: false` and that problem (SPEC §18 "Where it shows").
    func health() async -> ChannelHealth {
        let polling = offsetAlarm.overriding(healthState.withLock { $0 })
        return context.router.intake?.alarm.overriding(polling) ?? polling
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
        await context.router.resumeStoredPrompts(on: .telegram, replier: replier)
        let handler = TelegramUpdateHandler(
            router: context.router, replier: replier, downloader: TelegramFileDownloader(api: api),
            botUsername: bot.username)
        try await serve(handler)
    }

    // MARK: - Start

    /// `getMe`, retried while Telegram is unreachable. Nil when cancelled first.
    /// - Throws: `ChannelError.credentialsRejected` on 401, and on 404, which Telegram answers for a malformed token.
    private func identifyBot() async throws -> TelegramUser? {
        var backoff = options.reconnectBackoff
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

    // MARK: - Health

    func markConnected() {
        healthState.withLock { $0 = ChannelHealth(connected: true, lastError: nil, lastErrorAt: nil) }
    }

    func report(_ error: TelegramAPIError, while activity: String) {
        let text = context.http.redactor.redact("\(activity): \(error)")
        logger.warning("Telegram: \(text)")
        context.metrics.channelError(.telegram, kind: error.metricKind)
        healthState.withLock { $0 = ChannelHealth(connected: false, lastError: text, lastErrorAt: Date()) }
    }
}
