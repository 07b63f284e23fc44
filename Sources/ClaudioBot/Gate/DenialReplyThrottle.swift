import Shared

/// Allows at most one access-denied reply per user per `interval`, so an unauthorized sender cannot make the bot
/// send messages at the rate they send them.
///
/// Users are forgotten once their last reply is older than `interval`, in a sweep run at most once per interval, so
/// memory is bounded by the users answered during the last two intervals.
struct DenialReplyThrottle: Sendable {
    let interval: Duration

    private var lastReply: [UserKey: Duration] = [:]
    private var lastSweep: Duration?

    init(interval: Duration = .seconds(60)) {
        self.interval = interval
    }

    /// Users currently remembered.
    var trackedUserCount: Int { lastReply.count }

    /// Whether `user` should get the access-denied reply now; when it should, the reply is counted as sent.
    mutating func shouldReply(to user: UserKey, at now: Duration) -> Bool {
        sweepIfDue(at: now)
        if let last = lastReply[user], now - last < interval {
            return false
        }
        lastReply[user] = now
        return true
    }

    private mutating func sweepIfDue(at now: Duration) {
        guard let last = lastSweep else {
            lastSweep = now
            return
        }
        guard now - last >= interval else { return }
        lastSweep = now
        let interval = interval
        lastReply = lastReply.filter { _, replied in now - replied < interval }
    }
}
