import Foundation
import Shared

/// The security gate every chat message passes before anything runs (SPEC §4 steps 1, 3 and 4): authorization with
/// denied-access records and a throttled denial reply, the per-user daily budget (SPEC §16) and rate limit, and input
/// validation.
///
/// The router asks `judge(_:asking:)` once per message, and `admitPrompt(_:)` only for prompts, so commands never
/// count against the rate limit.
package actor Gate {
    private let clock: AnyClock
    private var lists: AllowLists
    private var rateLimiter: RateLimiter
    private var inputValidator: InputValidator
    private var deniedLog: DeniedAccessLog
    private var denialReplies = DenialReplyThrottle()
    /// `/myid` answers to strangers, throttled like denial replies but apart from them: a stranger gets at most one
    /// of each per minute (denied, then told their ID).
    private var strangerIDReplies = DenialReplyThrottle()
    /// Each user's cost today, for the daily budget and what `/status` and the admin API show.
    private var costs: DailyCostLedger
    /// `USER_DAILY_BUDGET_USD`; 0 means none.
    private let dailyBudgetUSD: Double
    private let metrics: ClaudioMetrics?

    /// - Parameters:
    ///   - allowLists: who may use the bot.
    ///   - rateLimitRequests: `RATE_LIMIT_REQUESTS` (≥ 1).
    ///   - rateLimitWindow: `RATE_LIMIT_WINDOW` (> 0).
    ///   - maxInputLength: `MAX_INPUT_LENGTH`, in Unicode scalars.
    ///   - clock: measures rate-limit windows and denial throttles; tests pass one they control.
    ///   - deniedSink: where denied-access records are stored, if anywhere.
    ///   - deniedSeed: records stored by an earlier run, shown until newer ones push them out.
    ///   - dailyBudgetUSD: `USER_DAILY_BUDGET_USD` (0: none). Its day is the UTC day of `clock`'s date.
    ///   - costSeed: each user's cost so far today, from the stored history.
    ///   - metrics: where denials and rate-limited prompts are counted.
    init(
        allowLists: AllowLists,
        rateLimitRequests: Int,
        rateLimitWindow: Duration,
        maxInputLength: Int,
        clock: AnyClock = .continuous,
        deniedSink: (any DeniedRecordSink)? = nil,
        deniedSeed: [DeniedRecord] = [],
        dailyBudgetUSD: Double = 0,
        costSeed: [UserKey: Double] = [:],
        metrics: ClaudioMetrics? = nil
    ) {
        self.clock = clock
        lists = allowLists
        rateLimiter = RateLimiter(limit: rateLimitRequests, window: rateLimitWindow)
        inputValidator = InputValidator(maxInputLength: maxInputLength)
        deniedLog = DeniedAccessLog(seed: deniedSeed, sink: deniedSink)
        costs = DailyCostLedger(day: UTCDay(containing: clock.date), seed: costSeed)
        self.dailyBudgetUSD = dailyBudgetUSD
        self.metrics = metrics
    }

    /// A gate on the system clock that keeps denied-access records in memory only (benchmarks use it).
    package init(allowLists: AllowLists, rateLimitRequests: Int, rateLimitWindow: Duration, maxInputLength: Int) {
        self.init(
            allowLists: allowLists, rateLimitRequests: rateLimitRequests, rateLimitWindow: rateLimitWindow,
            maxInputLength: maxInputLength, clock: .continuous, deniedSink: nil, deniedSeed: [])
    }

    /// Now: the wall time for the records people read, the clock's reading for every interval.
    private var moment: GateTime { GateTime(wall: Date(), monotonic: clock.now.sinceStart) }

    // MARK: Authorization

    /// The one access decision about a message, by what it asks for: `/myid` is answered for anyone (an unauthorized
    /// sender is recorded with reason `myid`, and the reply is their ID, at most once per 60 s); something that is not a prompt from a
    /// stranger is ignored without a record; everything else goes through `checkAccess(_:)`.
    func judge(_ message: InboundMessage, asking request: ChatRequest) -> AccessDecision {
        switch request {
        case .whoAmI:
            if recordMyIDRequest(message) { return .allowed }
            let answer = strangerIDReplies.shouldReply(to: message.user.key, at: clock.now.sinceStart)
            return .denied(reply: answer ? StatusTexts.myID(message.user, authorized: false) : nil)
        case .notText:
            return lists.isAllowed(message.user) ? .allowed : .denied(reply: nil)
        case .prompt, .newConversation, .cancel, .help, .status, .conversations, .unknownCommand:
            return checkAccess(message)
        }
    }

    /// Whether the sender may use the bot. A denied message is recorded (reason `not_allowed`, or `other_workspace`
    /// for a sender from another Slack workspace, so the operator sees why an empty list did not let them in); the
    /// reply is the access-denied text at most once per user per 60 s, nil otherwise.
    package func checkAccess(_ message: InboundMessage) -> AccessDecision {
        if lists.isAllowed(message.user) { return .allowed }
        let now = moment
        let reason: DeniedReason = message.user.foreignTeamID == nil ? .notAllowed : .otherWorkspace
        deniedLog.record(message, reason: reason, at: now)
        metrics?.denied(platform: message.user.platform, reason: reason)
        let reply = denialReplies.shouldReply(to: message.user.key, at: now.monotonic) ? GateReplies.accessDenied : nil
        return .denied(reply: reply)
    }

    /// Notes a `/myid` request, which is answered for anyone; an unauthorized sender's is recorded with reason `myid`.
    /// - Returns: whether the sender is authorized, for the "authorized: yes/no" line of the answer.
    @discardableResult
    func recordMyIDRequest(_ message: InboundMessage) -> Bool {
        if lists.isAllowed(message.user) { return true }
        deniedLog.record(message, reason: .myID, at: moment)
        metrics?.denied(platform: message.user.platform, reason: .myID)
        return false
    }

    /// Applies reloaded allowlists at once; the next message is judged by them.
    func replaceAllowLists(_ newLists: AllowLists) {
        lists = newLists
    }

    /// Applies reloaded allowlists at once unless they would open a restricted Slack list to everyone, which takes
    /// a restart (SPEC §18). Checked and applied in one step, so two reloads cannot slip past each other's check.
    /// - Returns: false when refused; the lists in force are then unchanged.
    func applyReloadedAllowLists(_ newLists: AllowLists) -> Bool {
        guard !lists.wouldOpenSlack(to: newLists) else { return false }
        lists = newLists
        return true
    }

    func allowLists() -> AllowLists {
        lists
    }

    // MARK: Prompts

    /// Decides whether an authorized user's prompt runs: the daily budget first (a user over it spends no rate-limit
    /// slot), then the rate limit (an accepted prompt takes a slot even when validation then refuses it, as SPEC §4
    /// orders the steps), then input validation.
    /// Call only after `checkAccess(_:)` allowed the message.
    package func admitPrompt(_ message: InboundMessage) -> PromptDecision {
        if let refusal = takeRateLimitSlot(for: message.user) { return refusal }
        return validatePrompt(message.text)
    }

    /// Step 3 alone, for a prompt whose text is not known yet (a voice note before it is transcribed, SPEC §15): takes
    /// one of the user's slots, so a voice note counts as one prompt. A user over their daily budget is refused first
    /// (SPEC §16). Follow it with `validatePrompt(_:)`.
    /// - Returns: nil when the slot was taken; the refusal otherwise.
    func takeRateLimitSlot(for user: ChatUser) -> PromptDecision? {
        if let reply = budgetRefusal(for: user.key) { return .overBudget(reply: reply) }
        switch rateLimiter.admit(user: user, at: clock.now.sinceStart) {
        case .rejected(let waitSeconds):
            metrics?.rateLimited(platform: user.platform)
            return .rateLimited(reply: GateReplies.rateLimited(
                waitSeconds: waitSeconds,
                limit: rateLimiter.limit,
                windowSeconds: rateLimiter.windowSeconds
            ))
        case .accepted:
            return nil
        }
    }

    /// Step 4 alone: the text as the prompt, or why it cannot be one.
    func validatePrompt(_ text: String) -> PromptDecision {
        switch inputValidator.validate(text) {
        case .valid(let prompt): .accepted(prompt: prompt)
        case .empty: .invalid(reply: GateReplies.emptyPrompt)
        case .tooLong(let count, let max): .invalid(reply: GateReplies.tooLong(count: count, max: max))
        }
    }

    /// Changes the rate limit; users' logged prompts are judged by the new values from the next call.
    func setRateLimit(requests: Int, window: Duration) {
        rateLimiter.limit = requests
        rateLimiter.window = window
    }

    func setMaxInputLength(_ maxInputLength: Int) {
        inputValidator.maxInputLength = maxInputLength
    }

    // MARK: Cost

    /// The refusal for a user whose cost today reached `USER_DAILY_BUDGET_USD`; nil while under it, or with no budget.
    private func budgetRefusal(for user: UserKey) -> String? {
        guard dailyBudgetUSD > 0 else { return nil }
        let now = clock.date
        guard costs.cost(of: user, at: now) >= dailyBudgetUSD else { return nil }
        return GateReplies.budgetReached(
            budgetUSD: dailyBudgetUSD, resetsIn: UTCDay(containing: now).end.timeIntervalSince(now))
    }

    /// Adds what a finished run of `user`'s cost to their day.
    func recordCost(_ usd: Double, for user: UserKey) {
        costs.add(usd, for: user, at: clock.date)
    }

    /// What `user`'s runs cost today (UTC).
    func costToday(of user: UserKey) -> Double {
        costs.cost(of: user, at: clock.date)
    }

    // MARK: Admin API

    /// The admin API's `rate_limits[]`: users with prompts inside the window, most used first.
    package func rateLimitEntries() -> [RateLimitInfo] {
        withCostToday(rateLimiter.entries(at: clock.now.sinceStart))
    }

    /// The first `limit` rows of `rateLimitEntries()` and how many there are in all, for the snapshot.
    package func topRateLimitEntries(limit: Int) -> (rows: [RateLimitInfo], total: Int) {
        let (rows, total) = rateLimiter.topEntries(at: clock.now.sinceStart, limit: limit)
        return (withCostToday(rows), total)
    }

    private func withCostToday(_ rows: [RateLimitInfo]) -> [RateLimitInfo] {
        let now = clock.date
        return rows.map { row in
            var row = row
            row.costTodayUSD = costs.cost(of: UserKey(platform: row.platform, userID: row.userID), at: now)
            return row
        }
    }

    /// The admin API's `denied[]`: newest first, at most `limit`.
    func deniedRecords(limit: Int = 50) -> [DeniedRecord] {
        deniedLog.recent(limit: limit)
    }

    /// Returns once every denied-access record made so far reached the sink (call before closing the store).
    func flushDeniedRecords() async {
        await deniedLog.flush()
    }

    /// How many entries each table holds, to show that memory stays bounded.
    package func trackedEntryCounts() -> (rateLimitedUsers: Int, openDeniedRecords: Int, recentDeniedRecords: Int, throttledUsers: Int) {
        (rateLimiter.trackedUserCount, deniedLog.openRecordCount, deniedLog.recentCount, denialReplies.trackedUserCount)
    }
}
