import ClaudioTestSupport
import Foundation
import Shared
import Testing

@testable import ClaudioBot

/// The router over a gate with `USER_DAILY_BUDGET_USD`, on a test clock at 2024-01-01 20:00 UTC.
@Suite("Message router: over the daily budget, prompts are refused and commands still work")
struct MessageRouterBudgetTests {
    let clock = TestClock()
    let executor = ScriptedExecutor()
    let replier = RecordingReplier()
    let alice = ChatUser(platform: .telegram, id: "1", username: "alice")

    func router(budget: Double, spent: Double) throws -> MessageRouter {
        var settings = try SettingsLoader.settings(
            from: EnvironmentLayers(processEnvironment: [
                "TELEGRAM_BOT_TOKEN": "1:test", "ALLOWED_USER_IDS": alice.id, "WORKSPACE_PATH": "/tmp", "HOME": "/tmp",
            ]))
        settings.userDailyBudgetUSD = budget
        clock.advance(by: .seconds(20 * 3600))
        let gate = Gate(
            allowLists: AllowLists(telegram: [1]), rateLimitRequests: 10, rateLimitWindow: .seconds(60),
            maxInputLength: 100, clock: AnyClock(clock), dailyBudgetUSD: budget, costSeed: [alice.key: spent])
        let scheduler = JobScheduler(limits: .init(maxConcurrent: 2, maxQueuedPerChat: 2), executor: executor)
        return MessageRouter(
            gate: gate, scheduler: scheduler, sessions: InMemorySessionStore(), settings: settings,
            jobIDs: JobIDGenerator(), cli: FakeClaude.cli, sandbox: FakeClaude.unsandboxed)
    }

    func message(_ text: String) -> InboundMessage {
        InboundMessage(user: alice, chatID: "chat-1", text: text, sentAt: Date())
    }

    var sent: [String] {
        get async { await replier.log.compactMap { if case .sent(let text) = $0 { text } else { nil } } }
    }

    @Test("a prompt is refused with the budget and the time to midnight UTC; /status, /help and /new still answer")
    func refusedButCommandsWork() async throws {
        let router = try router(budget: 0.5, spent: 0.75)
        await router.route(message("run it"), asking: .prompt, replier: replier)
        await router.route(message("/status"), asking: .status, replier: replier)
        await router.route(message("/help"), asking: .help, replier: replier)
        await router.route(message("/new"), asking: .newConversation, replier: replier)
        let texts = await sent
        #expect(texts.count == 4)
        #expect(texts.first == "💸 Daily budget of $0.50 reached — it resets in 4h 0m.")
        #expect(texts[1].contains("Your cost today (UTC): $0.7500 of your $0.50 daily budget"))
        #expect(texts[2] == ChatTexts.help(platform: .telegram))
        #expect(texts[3] == ChatTexts.newConversation)
        #expect(await router.scheduler.runningJobCount == 0, "nothing ran")
    }

    @Test("/status shows the caller's cost today to four decimals, without a budget line when there is none")
    func statusShowsCost() async throws {
        let router = try router(budget: 0, spent: 0.0025)
        await router.route(message("/status"), asking: .status, replier: replier)
        let status = try #require(await sent.first)
        #expect(status.contains("Your cost today (UTC): $0.0025"))
        #expect(!status.contains("budget"))
    }
}
