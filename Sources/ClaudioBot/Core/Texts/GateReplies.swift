import Shared

/// The exact texts the gate answers with (SPEC §4). Users and tests rely on them word for word.
enum GateReplies {
    static let accessDenied = "❌ Access denied — you are not authorized to use this bot."

    static let emptyPrompt = "Please send a prompt — the message was empty."

    static func tooLong(count: Int, max: Int) -> String {
        "❌ Message too long: \(count) characters (max \(max))."
    }

    /// - Parameters:
    ///   - waitSeconds: whole seconds until the user may send again.
    ///   - limit: `RATE_LIMIT_REQUESTS`.
    ///   - windowSeconds: `RATE_LIMIT_WINDOW`, printed without a trailing ".0" when whole.
    static func rateLimited(waitSeconds: Int, limit: Int, windowSeconds: Double) -> String {
        let window = windowSeconds.rounded() == windowSeconds && abs(windowSeconds) < 1e15
            ? String(Int64(windowSeconds))
            : String(windowSeconds)
        return "⏱️ Rate limit exceeded — please wait \(waitSeconds) seconds (limit: \(limit) requests per \(window) seconds)."
    }

    /// - Parameters:
    ///   - budgetUSD: `USER_DAILY_BUDGET_USD`.
    ///   - resetsIn: seconds until midnight UTC, shown in whole minutes rounded up (never "0h 0m" before it resets).
    static func budgetReached(budgetUSD: Double, resetsIn: Double) -> String {
        let minutes = max(1, Int((resetsIn / 60).rounded(.up)))
        return "💸 Daily budget of \(DollarText.amount(budgetUSD)) reached — it resets in \(minutes / 60)h \(minutes % 60)m."
    }
}
