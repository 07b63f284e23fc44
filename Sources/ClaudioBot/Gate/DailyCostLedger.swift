import Foundation
import Shared

/// What each user's claude runs cost today (UTC): shown by `/status` and the admin API's rate-limit rows, and checked
/// against `USER_DAILY_BUDGET_USD` (SPEC §16). A job's cost counts on the day it ended, as in the history it is
/// seeded from.
///
/// Memory: only today's users are kept; the first cost recorded on a new day forgets the day before.
struct DailyCostLedger: Sendable {
    private var day: UTCDay
    private var costs: [UserKey: Double]

    /// - Parameters:
    ///   - day: the day `seed` is about.
    ///   - seed: each user's cost so far that day (from the stored history).
    init(day: UTCDay, seed: [UserKey: Double] = [:]) {
        self.day = day
        costs = seed
    }

    /// Adds a finished run's cost to `user`'s day.
    mutating func add(_ usd: Double, for user: UserKey, at date: Date) {
        guard usd.isFinite, usd > 0 else { return }
        let today = UTCDay(containing: date)
        if today != day {
            day = today
            costs = [:]
        }
        costs[user, default: 0] += usd
    }

    /// `user`'s cost on the day of `date`; 0 for a day the ledger does not hold.
    func cost(of user: UserKey, at date: Date) -> Double {
        UTCDay(containing: date) == day ? costs[user, default: 0] : 0
    }
}
