import Shared

/// The per-user sliding-window log of SPEC §4.3.
///
/// For each (platform, user) it keeps the times of the prompts it accepted inside the last `window`. A prompt is
/// accepted when fewer than `limit` remain, otherwise rejected with the time until the oldest one leaves the window.
/// A timestamp `t` is inside the window while `now − t < window`.
///
/// Memory: a user's expired timestamps are dropped whenever that user is touched, and at most once per window a sweep
/// forgets every user with none left. The sweep costs one pass over the table, paid for by the calls of the window
/// before it, and the table never holds more than the users active during the last two windows.
package struct RateLimiter: Sendable {
    /// Prompts a user may send per window (≥ 1). May change at runtime; existing logs are judged by the new value.
    var limit: Int {
        didSet { precondition(limit >= 1, "RATE_LIMIT_REQUESTS must be at least 1") }
    }
    /// The window's length (> 0). May change at runtime.
    var window: Duration {
        didSet { precondition(window > .zero, "RATE_LIMIT_WINDOW must be positive") }
    }

    private var logs: [UserKey: UserLog] = [:]
    private var lastSweep: Duration?

    package init(limit: Int, window: Duration) {
        precondition(limit >= 1, "RATE_LIMIT_REQUESTS must be at least 1")
        precondition(window > .zero, "RATE_LIMIT_WINDOW must be positive")
        self.limit = limit
        self.window = window
    }

    /// The window in seconds, as configured (`RATE_LIMIT_WINDOW`).
    var windowSeconds: Double { window.secondsValue }

    /// How many users the limiter currently remembers (those that may still have prompts inside the window).
    package var trackedUserCount: Int { logs.count }

    /// Decides whether `user` may send a prompt now, and records it when accepted.
    /// - Parameters:
    ///   - user: the sender; its username is remembered for `entries(at:)`.
    ///   - now: the current monotonic time.
    package mutating func admit(user: ChatUser, at now: Duration) -> RateLimitDecision {
        sweepIfDue(at: now)
        var log = logs[user.key] ?? UserLog()
        log.dropExpired(at: now, window: window)
        if let username = user.username { log.username = username }
        let decision: RateLimitDecision
        if log.timestamps.count >= limit {
            log.rejected += 1
            // With a limit lowered at runtime more than `limit` may be counted; a slot frees when all but
            // `limit - 1` of them have left, which for an exactly full log is the oldest one.
            let freeing = log.timestamps[log.timestamps.count - limit]
            decision = .rejected(retryAfterSeconds: max(1, (window - (now - freeing)).roundedUpSeconds))
        } else {
            log.timestamps.append(now)
            decision = .accepted
        }
        logs[user.key] = log
        return decision
    }

    /// The users with prompts inside the window, most used first: the rows of the admin API's `rate_limits[]`.
    func entries(at now: Duration) -> [RateLimitInfo] {
        topEntries(at: now, limit: .max).rows
    }

    /// The first `limit` rows of `entries(at:)` and how many rows there are in all. Picks them in one pass without
    /// building or sorting every row, and copies nothing of a user it does not keep: the console's snapshot asks each
    /// second, whatever the number of users.
    func topEntries(at now: Duration, limit: Int) -> (rows: [RateLimitInfo], total: Int) {
        var best: [Candidate] = []
        best.reserveCapacity(min(limit, logs.count) + 1)
        var total = 0
        // Every row wanted (`/v1/rate-limits`): one sort beats inserting each row in order.
        let keepsAll = limit >= logs.count
        for (key, log) in logs {
            // Oldest first, so everything from the first timestamp inside the window on is inside it.
            guard let inside = log.timestamps.firstIndex(where: { now - $0 < window }) else { continue }
            total += 1
            let candidate = Candidate(key: key, used: log.timestamps.count - inside, oldest: log.timestamps[inside])
            if keepsAll { best.append(candidate) } else { Self.keep(candidate, in: &best, upTo: limit) }
        }
        if keepsAll { best.sort(by: Candidate.precedes) }
        let rows = best.map { candidate in
            let log = logs[candidate.key]
            return RateLimitInfo(
                platform: candidate.key.platform,
                userID: candidate.key.userID,
                username: log?.username,
                used: candidate.used,
                limit: self.limit,
                windowSeconds: windowSeconds,
                resetInSeconds: max(1, (window - (now - candidate.oldest)).roundedUpSeconds),
                rejected: log?.rejected ?? 0
            )
        }
        return (rows, total)
    }

    /// Inserts `candidate` into `best`, a sorted list of at most `count` candidates, if it sorts before its last:
    /// most candidates fail to enter after that one comparison.
    private static func keep(_ candidate: Candidate, in best: inout [Candidate], upTo count: Int) {
        guard count > 0 else { return }
        if best.count == count, !Candidate.precedes(candidate, best[count - 1]) { return }
        var low = 0
        var high = best.count
        while low < high {
            let middle = (low + high) / 2
            if Candidate.precedes(best[middle], candidate) { low = middle + 1 } else { high = middle }
        }
        best.insert(candidate, at: low)
        if best.count > count { best.removeLast() }
    }

    private mutating func sweepIfDue(at now: Duration) {
        guard let last = lastSweep else {
            lastSweep = now
            return
        }
        guard now - last >= window else { return }
        lastSweep = now
        let window = window
        logs = logs.filter { _, log in log.timestamps.last.map { now - $0 < window } ?? false }
    }
}

extension RateLimiter {
    /// A user with prompts inside the window, with what ordering the rows needs.
    private struct Candidate {
        var key: UserKey
        var used: Int
        var oldest: Duration

        /// Most used first, then by platform and user ID.
        static func precedes(_ a: Candidate, _ b: Candidate) -> Bool {
            if a.used != b.used { return a.used > b.used }
            if a.key.platform != b.key.platform { return a.key.platform.rawValue < b.key.platform.rawValue }
            return a.key.userID < b.key.userID
        }
    }

    /// One user's accepted prompts, oldest first, and what the admin API shows about them.
    private struct UserLog {
        var timestamps: [Duration] = []
        var username: String?
        var rejected = 0

        mutating func dropExpired(at now: Duration, window: Duration) {
            let expired = timestamps.prefix { now - $0 >= window }.count
            guard expired > 0 else { return }
            timestamps.removeFirst(expired)
            // Rejections are counted "while the user has entries": a user whose log emptied starts again from zero.
            if timestamps.isEmpty { rejected = 0 }
        }
    }
}

private extension Duration {
    var secondsValue: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) * 1e-18
    }

    /// Whole seconds, rounded up; only used on positive durations.
    var roundedUpSeconds: Int {
        let (seconds, attoseconds) = components
        return Int(seconds) + (attoseconds > 0 ? 1 : 0)
    }
}
