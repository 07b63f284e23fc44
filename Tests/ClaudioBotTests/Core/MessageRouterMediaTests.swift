import ClaudioTestSupport
import Foundation
import Shared
import Testing

@testable import ClaudioBot

/// The router's media stage without a network: a downloader serving scripted bytes, a transcriber that hears the
/// bytes as words, a real gate, scheduler and upload folder, and an intake in memory.
@Suite("Message router: voice notes and files become prompts after the gate (SPEC §15)")
struct MessageRouterMediaTests {
    let clock = TestClock()
    let executor = ScriptedExecutor()
    let replier = RecordingReplier()
    let store = MemoryPromptIntakeStore()
    let alice = ChatUser(platform: .telegram, id: "1", username: "alice")
    let mallory = ChatUser(platform: .telegram, id: "666", username: "mallory")
    let workspace: ScratchDirectory

    init() throws {
        workspace = try ScratchDirectory()
    }

    func router(transcriber: (any SpeechTranscriber)? = ScriptedTranscriber(), rateLimit: Int = 10) throws
        -> MessageRouter
    {
        let settings = try SettingsLoader.settings(
            from: EnvironmentLayers(processEnvironment: [
                "TELEGRAM_BOT_TOKEN": "1:test", "ALLOWED_USER_IDS": alice.id, "WORKSPACE_PATH": workspace.path,
                "HOME": "/tmp",
            ]))
        let gate = Gate(
            allowLists: AllowLists(telegram: [1]), rateLimitRequests: rateLimit, rateLimitWindow: .seconds(60),
            maxInputLength: 100, clock: AnyClock(clock))
        let scheduler = JobScheduler(limits: .init(maxConcurrent: 2, maxQueuedPerChat: 2), executor: executor)
        var router = MessageRouter(
            gate: gate, scheduler: scheduler, sessions: InMemorySessionStore(), settings: settings,
            jobIDs: JobIDGenerator(), cli: FakeClaude.cli, sandbox: FakeClaude.unsandboxed)
        router.intake = PromptIntake(store: store, clock: AnyClock(clock))
        router.media = MediaStage(
            maxVoiceSeconds: 60, maxUploadBytes: 1000, transcriber: transcriber,
            uploads: UploadFolder(workspacePath: workspace.path))
        return router
    }

    /// A voice note whose "audio" is `words`; with an update ID it comes from Telegram, without one from Slack.
    func voice(_ words: String, seconds: Double = 5, from user: ChatUser? = nil, updateID: Int64? = nil)
        -> InboundMessage
    {
        var message = InboundMessage(
            user: user ?? alice, chatID: "chat-1", text: "",
            attachments: [ChatAttachment(kind: .voice, reference: words, mimeType: "audio/ogg", duration: seconds)],
            sentAt: Date())
        message.updateID = updateID
        return message
    }

    func file(_ name: String?, bytes: String, size: Int? = nil, caption: String = "") -> InboundMessage {
        InboundMessage(
            user: alice, chatID: "chat-1", text: caption,
            attachments: [ChatAttachment(kind: .document, reference: bytes, fileName: name, size: size)],
            sentAt: Date())
    }

    func handle(_ message: InboundMessage, _ router: MessageRouter, _ downloader: ScriptedDownloader) async {
        let admission = await router.admit(message, asking: .prompt)
        await router.handle(admission, replier: replier, downloader: downloader)
    }

    func finish(_ router: MessageRouter) async {
        await router.scheduler.shutdown()
        workspace.remove()
    }

    @Test("voice notes not enabled: the fixed reply, nothing downloaded, nothing runs")
    func notEnabled() async throws {
        let router = try router(transcriber: nil)
        let downloader = ScriptedDownloader()
        await handle(voice("hello"), router, downloader)
        #expect(await replier.log == [.sent(MediaTexts.voiceNotEnabled)])
        #expect(await downloader.downloads.isEmpty)
        #expect(await store.log.isEmpty)
        await finish(router)
    }

    @Test("a voice note longer than MAX_VOICE_SECONDS is refused before any download")
    func tooLong() async throws {
        let router = try router()
        let downloader = ScriptedDownloader()
        await handle(voice("a long story", seconds: 61.2), router, downloader)
        #expect(await replier.log == [.sent("❌ Voice note too long: 62 seconds (max 60). Please send a shorter one, or type the prompt.")])
        #expect(await downloader.downloads.isEmpty)
        await finish(router)
    }

    @Test("a file above MAX_UPLOAD_BYTES is refused before any download, with both sizes")
    func tooLarge() async throws {
        let router = try router()
        let downloader = ScriptedDownloader()
        await handle(file("big.bin", bytes: "x", size: 1500), router, downloader)
        #expect(await replier.log == [.sent("❌ File too large: 0.0015 MB (max 0.001 MB).")])
        #expect(await downloader.downloads.isEmpty)
        await finish(router)
    }

    @Test("a stranger's voice note is denied like any message, recorded, and never downloaded")
    func stranger() async throws {
        let router = try router()
        let downloader = ScriptedDownloader()
        await handle(voice("rm -rf /", from: mallory), router, downloader)
        #expect(replier.bestEffortSent == [GateReplies.accessDenied])
        #expect(await downloader.downloads.isEmpty)
        #expect(await router.gate.deniedRecords().map(\.reason) == [.notAllowed])
        await finish(router)
    }

    @Test("the transcript is shown, then runs; a voice note counts as one prompt against the rate limit")
    func transcriptRuns() async throws {
        let router = try router(rateLimit: 1)
        let downloader = ScriptedDownloader()
        await handle(voice("list the files", updateID: 7), router, downloader)
        guard case .started = await executor.events.next() else {
            Issue.record("the transcript did not run")
            return
        }
        #expect(await store.rows.map(\.prompt) == ["list the files"])
        await handle(InboundMessage(user: alice, chatID: "chat-2", text: "and this", sentAt: Date()), router, downloader)
        let texts = await replier.log.compactMap { event -> String? in
            if case .sent(let text) = event { return text }
            return nil
        }
        #expect(texts.first == "🎤 list the files")
        #expect(texts.count == 2 && texts[1].hasPrefix("⏱️ Rate limit exceeded"))
        await finish(router)
    }

    @Test("a transcript longer than MAX_INPUT_LENGTH is shown, then refused with its count")
    func transcriptTooLong() async throws {
        let router = try router()
        let words = String(repeating: "blah ", count: 30)
        await handle(voice(words), router, ScriptedDownloader())
        #expect(await replier.log == [.sent("🎤 " + words), .sent(GateReplies.tooLong(count: 150, max: 100))])
        #expect(await store.rows.isEmpty)
        await finish(router)
    }

    @Test("a failed transcription says why and runs nothing")
    func transcriptionFails() async throws {
        let router = try router(
            transcriber: ScriptedTranscriber(failure: .rejected(host: "api.example", status: 500, detail: "boom")))
        await handle(voice("hello"), router, ScriptedDownloader())
        #expect(await replier.log == [
            .sent("❌ Could not transcribe the voice note: the speech-to-text service at api.example answered HTTP 500: boom.")
        ])
        #expect(await store.rows.isEmpty)
        await finish(router)
    }

    @Test("a Slack voice note is stored as preparing before its download, then becomes the queued transcript")
    func preparingRow() async throws {
        let router = try router()
        let store = self.store
        let seen = ScriptedValue<[StoredPrompt.State]>([])
        let downloader = ScriptedDownloader { await seen.set(await store.rows.map(\.state)) }
        await handle(voice("deploy it"), router, downloader)
        guard case .started(let id) = await executor.events.next() else {
            Issue.record("the transcript did not run")
            return
        }
        #expect(await seen.value == [.preparing])
        #expect(await store.log.prefix(2) == [.stored(id), .prepared(id)])
        #expect(await store.rows.first?.prompt == "deploy it")
        await finish(router)
    }

    @Test("a Telegram voice note stores nothing until its prompt: Telegram offers the update again after a crash")
    func telegramStoresOnlyThePrompt() async throws {
        let router = try router()
        let store = self.store
        let seen = ScriptedValue<[StoredPrompt.State]>([.finished])
        let downloader = ScriptedDownloader { await seen.set(await store.rows.map(\.state)) }
        await handle(voice("deploy it", updateID: 42), router, downloader)
        guard case .started(let id) = await executor.events.next() else {
            Issue.record("the transcript did not run")
            return
        }
        #expect(await seen.value.isEmpty)
        #expect(await store.log.first == .stored(id))
        await finish(router)
    }

    @Test("a Slack voice note that fails to download lets its row go")
    func preparingRowReleased() async throws {
        let router = try router()
        await handle(voice("x"), router, ScriptedDownloader(failing: .failed("Slack answered HTTP 404 for it")))
        #expect(await replier.log == [
            .sent("❌ Could not transcribe the voice note: it could not be downloaded (Slack answered HTTP 404 for it).")
        ])
        #expect(await store.rows.isEmpty)
        await finish(router)
    }

    @Test("after a restart a voice note that was being prepared is reported to its sender, not run")
    func resumePreparing() async throws {
        let message = voice("half way")
        let row = StoredPrompt(preparing: message, what: "voice note", jobID: "prep-1", at: Date())
        let store = MemoryPromptIntakeStore([row])
        var router = try router()
        router.intake = PromptIntake(store: store, clock: AnyClock(clock))
        await router.resumeStoredPrompts(on: .telegram, replier: replier)
        var events = replier.events.makeAsyncIterator()
        #expect(await events.next() == .sent(MediaTexts.interruptedByRestart("voice note")))
        #expect(await store.rows.isEmpty)
        #expect(await store.log == [.finished("prep-1", nil)])
        await finish(router)
    }

    @Test("a file is saved and its caption runs after the [uploaded: …] line; no caption asks to look at it")
    func upload() async throws {
        let router = try router()
        let downloader = ScriptedDownloader()
        await handle(file("../../notes.txt", bytes: "remember the milk", caption: "summarise this"), router, downloader)
        await handle(file(nil, bytes: "0123"), router, downloader)
        let day = UploadsToday.folder
        let prompts = await store.rows.map(\.prompt).sorted()
        #expect(prompts == [
            "[uploaded: \(day)/file, 4 bytes]\n\(MediaTexts.defaultUploadPrompt)",
            "[uploaded: \(day)/notes.txt, 17 bytes]\nsummarise this",
        ])
        let saved = try String(contentsOfFile: "\(workspace.path)/\(day)/notes.txt", encoding: .utf8)
        #expect(saved == "remember the milk")
        await finish(router)
    }
}

/// A value tests set from inside a callback and read afterwards.
actor ScriptedValue<Value: Sendable> {
    private(set) var value: Value

    init(_ value: Value) {
        self.value = value
    }

    func set(_ newValue: Value) {
        value = newValue
    }
}
