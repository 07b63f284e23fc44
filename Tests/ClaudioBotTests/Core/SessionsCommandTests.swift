import ClaudioTestSupport
import Foundation
import Shared
import Testing

@testable import ClaudioBot

@Suite("/sessions lists the caller's last conversations in the chat, as text (SPEC §16)")
struct SessionsCommandTests {
    let alice = ChatUser(platform: .telegram, id: "1", username: "alice")
    static let day = 1_767_225_600.0  // 2026-01-01 00:00 UTC

    func entry(_ id: String, minute: Double, prompt: String, cost: Double?) -> JobHistoryEntry {
        JobHistoryEntry(
            origin: JobOrigin(id: id, platform: .telegram, chatID: "chat-1", userID: "1", promptExcerpt: prompt),
            startedAt: Date(timeIntervalSince1970: Self.day + minute * 60),
            endedAt: Date(timeIntervalSince1970: Self.day + minute * 60 + 30), outcome: .ok, costUSD: cost)
    }

    @Test("newest first, with start, last use, first prompt, prompts and cost; the one the next prompt continues marked")
    func listsConversations() async throws {
        try await TemporaryStateDirectory.with { root in
            let store = try await StateStore.open(stateDirectory: root)
            await store.recordJob(entry("1", minute: 0, prompt: "plan the release", cost: 0.01), sessionID: "s-old")
            await store.recordJob(entry("2", minute: 90, prompt: "fix the build", cost: 0.002), sessionID: "s-new")
            await store.recordJob(entry("3", minute: 125, prompt: "and the tests", cost: 0.0005), sessionID: "s-new")
            let key = SessionKey(platform: .telegram, chatID: "chat-1", userID: "1")
            await store.save(sessionID: "s-new", for: key)

            let settings = try SettingsLoader.settings(
                from: EnvironmentLayers(processEnvironment: [
                    "TELEGRAM_BOT_TOKEN": "1:test", "ALLOWED_USER_IDS": "1", "WORKSPACE_PATH": "/tmp", "HOME": "/tmp",
                ]))
            let router = MessageRouter(
                gate: Gate(allowLists: AllowLists(telegram: [1]), rateLimitRequests: 5, rateLimitWindow: .seconds(60),
                           maxInputLength: 100),
                scheduler: JobScheduler(limits: .init(maxConcurrent: 1, maxQueuedPerChat: 1), executor: ScriptedExecutor()),
                sessions: store, settings: settings, jobIDs: JobIDGenerator(), cli: FakeClaude.cli,
                sandbox: FakeClaude.unsandboxed)
            let replier = RecordingReplier()
            let request = TelegramCommand.parse("/sessions", botUsername: "claudio_bot")
            #expect(request == .command(.sessions))
            await router.route(
                InboundMessage(user: alice, chatID: "chat-1", text: "/sessions", sentAt: Date()),
                asking: TelegramCommand.sessions.request, replier: replier)
            guard case .sent(let text)? = await replier.log.first else {
                Issue.record("no answer")
                return
            }
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            #expect(lines[2] == "1. “fix the build” ← your next prompt continues this one")
            #expect(lines[3] == "   started 2026-01-01 01:30, last used 2026-01-01 02:05, 2 prompts, $0.0025")
            #expect(lines[5] == "2. “plan the release”")
            #expect(lines[6] == "   started 2026-01-01 00:00, last used 2026-01-01 00:00, 1 prompt, $0.0100")
            #expect(text.hasSuffix("/new starts a fresh conversation."))
            await store.close()
        }
    }

    @Test("with no conversation yet it says the next prompt starts one")
    func empty() {
        #expect(SessionTexts.conversations([], current: nil).contains("No conversations in this chat yet"))
    }
}
