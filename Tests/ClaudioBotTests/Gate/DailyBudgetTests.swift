import ClaudioTestSupport
import Foundation
import Shared
import Testing

@testable import ClaudioBot

/// The test clock starts at 2024-01-01 00:00:00 UTC, so its offsets read as times of that day.
@Suite("Daily budget: a user's cost per UTC day, refusal at the budget, reset at midnight UTC")
struct DailyBudgetTests {
    let clock = TestClock()
    let alice = GateFixtures.telegramUser(1, username: "alice")
    let bob = GateFixtures.telegramUser(2, username: "bob")

    func gate(budget: Double, seed: [UserKey: Double] = [:], rateLimit: Int = 10) -> Gate {
        Gate(
            allowLists: AllowLists(telegram: [1, 2]), rateLimitRequests: rateLimit, rateLimitWindow: .seconds(60),
            maxInputLength: 100, clock: AnyClock(clock), dailyBudgetUSD: budget, costSeed: seed)
    }

    @Test("at 22:30 UTC a user whose cost reached the budget is refused, resetting in 1h 30m; others are not")
    func refusedAtTheBudget() async {
        let gate = gate(budget: 0.5)
        clock.advance(by: .seconds(22 * 3600 + 30 * 60))
        await gate.recordCost(0.3, for: alice.key)
        #expect(await gate.admitPrompt(GateFixtures.message(from: alice, text: "one")) == .accepted(prompt: "one"))
        await gate.recordCost(0.2, for: alice.key)
        #expect(await gate.costToday(of: alice.key) == 0.5)
        #expect(await gate.admitPrompt(GateFixtures.message(from: alice, text: "two"))
            == .overBudget(reply: "💸 Daily budget of $0.50 reached — it resets in 1h 30m."))
        #expect(await gate.admitPrompt(GateFixtures.message(from: bob, text: "mine")) == .accepted(prompt: "mine"))
    }

    @Test("midnight UTC resets every user's cost, and the refused user may prompt again")
    func resetsAtMidnight() async {
        let gate = gate(budget: 1)
        clock.advance(by: .seconds(23 * 3600 + 59 * 60 + 30))
        await gate.recordCost(1.25, for: alice.key)
        #expect(await gate.admitPrompt(GateFixtures.message(from: alice))
            == .overBudget(reply: "💸 Daily budget of $1 reached — it resets in 0h 1m."))
        clock.advance(by: .seconds(30))
        #expect(await gate.costToday(of: alice.key) == 0)
        #expect(await gate.admitPrompt(GateFixtures.message(from: alice, text: "again")) == .accepted(prompt: "again"))
    }

    @Test("a budget reached in a stored history (a restart) refuses at once; a refusal spends no rate-limit slot")
    func seededAndNoSlotSpent() async {
        let gate = gate(budget: 2, seed: [alice.key: 2.5], rateLimit: 1)
        for _ in 0..<3 {
            guard case .overBudget = await gate.admitPrompt(GateFixtures.message(from: alice)) else {
                Issue.record("a user over budget was not refused")
                return
            }
        }
        #expect(await gate.rateLimitEntries().isEmpty, "refused prompts took no slot")
    }

    @Test("no budget (0) never refuses; costs are still counted and shown in the rate-limit rows")
    func noBudget() async {
        let gate = gate(budget: 0)
        await gate.recordCost(99, for: alice.key)
        #expect(await gate.admitPrompt(GateFixtures.message(from: alice, text: "go")) == .accepted(prompt: "go"))
        let rows = await gate.rateLimitEntries()
        #expect(rows.map(\.costTodayUSD) == [99])
        #expect(await gate.topRateLimitEntries(limit: 5).rows.first?.costTodayUSD == 99)
    }

    @Test("the refusal shows budgets as written: whole dollars bare, cents with two digits")
    func budgetText() {
        #expect(GateReplies.budgetReached(budgetUSD: 5, resetsIn: 3600 * 5 + 59) == "💸 Daily budget of $5 reached — it resets in 5h 1m.")
        #expect(GateReplies.budgetReached(budgetUSD: 2.5, resetsIn: 60) == "💸 Daily budget of $2.50 reached — it resets in 0h 1m.")
        #expect(GateReplies.budgetReached(budgetUSD: 0.125, resetsIn: 86_400) == "💸 Daily budget of $0.125 reached — it resets in 24h 0m.")
        #expect(DollarText.cost(0.0025) == "$0.0025")
    }
}
