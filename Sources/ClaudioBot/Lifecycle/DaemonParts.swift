import Foundation
import Shared

/// The daemon's message side, wired in one place: gate → router → scheduler → job executor → runner → supervisor,
/// and the channels on top. `Daemon.run` assembles it, and so do the tests' channel harnesses, so tests exercise the
/// daemon's own wiring rather than a copy of it.
struct DaemonParts: Sendable {
    /// Knobs the daemon leaves at their defaults and tests turn down so they take milliseconds.
    struct Tuning: Sendable {
        /// How often a job's progress message may be edited (SPEC §5: 2 s).
        var progressInterval: Duration = .seconds(2)
        /// Pauses between failed polls or connection attempts of a channel.
        var reconnectBackoff = RetryBackoff()
        /// How Telegram sends are retried.
        var telegramDelivery = TelegramDeliveryPolicy.standard
        /// Delays between attempts of a failed Slack send.
        var slackSendBackoff = RetryBackoff()
        /// Seconds each Telegram long poll waits.
        var telegramPollTimeout = 30
        /// Slack envelopes waiting to be handled beyond which strangers' ones are dropped.
        var slackBacklogLimit = 500
        /// While some fetched update is neither handled nor stored, the poller cannot confirm it and polls again after
        /// at most this long (at once when an update settles), so other chats' new messages still come in.
        var telegramStallPollInterval: Duration = .seconds(1)
        /// Telegram updates being handled at once (SPEC §18 bounded backlog); beyond it strangers' updates are shed
        /// and authorized users' wait at Telegram.
        var telegramBacklogLimit = 64
        /// Pauses between failed writes of the Telegram offset or of an accepted prompt.
        var storeRetryBackoff = RetryBackoff()
        /// How long a voice note's transcription may take.
        var transcriptionTimeout = TranscriptionClient.defaultTimeout

        static let standard = Tuning()
    }

    let settings: Settings
    /// How jobs are contained, as start-up decided.
    let sandbox: SandboxStatus
    let supervisor: any ProcessSupervisor
    let gate: Gate
    let scheduler: JobScheduler
    let router: MessageRouter
    /// Where tool requests wait for the chat's or the operator's answer (SPEC §13).
    let approvals: ApprovalDesk
    let channelContext: ChannelContext
    /// What `/metrics` shows; this daemon's own registry.
    let metrics: ClaudioMetrics
    /// The last finished jobs, for the console's snapshot.
    let recentHistory: RecentJobHistory
    var tuning: Tuning

    /// Builds every part from the settings.
    /// - Parameters:
    ///   - store: durable state: sessions, denied-access records, job history, the Telegram offset, accepted prompts.
    ///   - supervisor: launches and kills jobs' processes.
    ///   - sandbox: how `supervisor` contains them.
    ///   - cli: the claude CLI as found at start.
    ///   - environment: the daemon's environment; claude gets the part `JobEnvironment` lets through.
    ///   - http: the libcurl client every channel shares (redacting the settings' secrets).
    ///   - clock: what every timeout, window and pause is measured on.
    static func assemble(
        settings: Settings, store: StateStore, supervisor: any ProcessSupervisor, sandbox: SandboxStatus,
        cli: ClaudeCLIInfo,
        environment: [String: String], http: HTTPClient, clock: AnyClock = .continuous, tuning: Tuning = .standard
    ) async -> DaemonParts {
        let metrics = ClaudioMetrics(commandTimeout: settings.commandTimeout)
        let gate = Gate(
            allowLists: AllowLists(telegram: settings.allowedUserIDs, slack: settings.slackAllowedUserIDs),
            rateLimitRequests: settings.rateLimitRequests, rateLimitWindow: .seconds(settings.rateLimitWindow),
            maxInputLength: settings.maxInputLength, clock: clock, deniedSink: store,
            deniedSeed: await store.deniedRecords(limit: DeniedAccessLog.defaultCapacity),
            dailyBudgetUSD: settings.userDailyBudgetUSD,
            costSeed: await store.costsPerUser(endedSince: UTCDay(containing: clock.date).start), metrics: metrics)
        let recentHistory = RecentJobHistory(seed: await store.recentJobs(limit: SnapshotResponse.historyRowLimit))
        var runner = ClaudeRunner(
            supervisor: supervisor, settings: settings, executablePath: cli.path ?? settings.claudeCLIPath,
            environment: JobEnvironment(settings: settings).scrub(environment))
        runner.clock = clock
        let resumeButtons = SessionResumeButtons(sessions: store)
        let approvals = ApprovalDesk(
            log: store, timeoutSeconds: settings.approvalTimeout, clock: clock,
            onDecision: { metrics.approvalDecided($0) })
        var executor = ClaudeJobExecutor(runner: runner, sessions: store)
        executor.approvals = approvals
        executor.clock = clock
        executor.progressInterval = tuning.progressInterval
        // An accepted prompt stays in the intake until its job has ended (SPEC §18).
        let intake = PromptIntake(store: store, clock: clock, retryBackoff: tuning.storeRetryBackoff)
        executor.onStarting = { job in await intake.markRunning(jobID: job.id) }
        // A finished job counts against its user's day (before its history row is visible, so whoever sees the row
        // sees the cost too), is kept in the history and shows in the metrics.
        executor.onFinished = { summary in
            if let cost = summary.costUSD { await gate.recordCost(cost, for: summary.job.user.key) }
            let record = JobHistoryRecord(summary)
            await store.finishPrompt(jobID: summary.job.id, recording: record)
            recentHistory.record(record.entry)
            metrics.jobFinished(
                platform: record.entry.platform, outcome: record.entry.outcome,
                durationSeconds: record.entry.durationSeconds, costUSD: summary.costUSD)
        }
        executor.onDiscarded = { job, reason in
            let record = JobHistoryRecord(discarded: job, reason: reason, at: Date())
            await store.finishPrompt(jobID: job.id, recording: record)
            recentHistory.record(record.entry)
            metrics.jobFinished(platform: record.entry.platform, outcome: record.entry.outcome, durationSeconds: nil, costUSD: nil)
        }
        let scheduler = JobScheduler(
            limits: .init(maxConcurrent: settings.maxConcurrentJobs, maxQueuedPerChat: settings.maxQueuedPerChat),
            executor: executor, sandboxed: sandbox.isSandboxed)
        let router = MessageRouter(
            gate: gate, scheduler: scheduler, sessions: store, settings: settings, jobIDs: JobIDGenerator(), cli: cli,
            sandbox: sandbox, intake: intake, buttons: [approvals, resumeButtons], resumeButtons: resumeButtons,
            media: MediaStage(settings: settings, http: http, transcriptionTimeout: tuning.transcriptionTimeout))
        let context = ChannelContext(
            settings: settings, router: router, http: http, state: store, metrics: metrics, clock: clock)
        return DaemonParts(
            settings: settings, sandbox: sandbox, supervisor: supervisor, gate: gate, scheduler: scheduler,
            router: router, approvals: approvals, channelContext: context, metrics: metrics, recentHistory: recentHistory,
            tuning: tuning)
    }

    /// The channels the settings enable.
    func makeChannels() -> [any ChatChannel] {
        var channels: [any ChatChannel] = []
        if settings.telegramEnabled { channels.append(makeTelegramChannel()) }
        if settings.slackEnabled { channels.append(makeSlackChannel()) }
        return channels
    }

    func makeTelegramChannel() -> TelegramChannel {
        TelegramChannel(
            context: channelContext,
            options: TelegramChannel.Options(
                pollTimeout: tuning.telegramPollTimeout, reconnectBackoff: tuning.reconnectBackoff,
                deliveryPolicy: tuning.telegramDelivery, stallPollInterval: tuning.telegramStallPollInterval,
                backlogLimit: tuning.telegramBacklogLimit, storeRetryBackoff: tuning.storeRetryBackoff))
    }

    func makeSlackChannel() -> SlackChannel {
        SlackChannel(
            context: channelContext, reconnectBackoff: tuning.reconnectBackoff, sendBackoff: tuning.slackSendBackoff,
            backlogLimit: tuning.slackBacklogLimit)
    }

    /// Stops intake, kills every job (telling its chat) and what they left behind, and flushes the denied-access records.
    func stopJobs() async {
        await scheduler.shutdown()
        await supervisor.sweepOrphans()
        await gate.flushDeniedRecords()
    }
}
