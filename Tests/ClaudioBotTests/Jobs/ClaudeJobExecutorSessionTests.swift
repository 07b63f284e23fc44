import ClaudioTestSupport
import Foundation
import Shared
import Testing

@testable import ClaudioBot

@Suite("A job's session and intake: stored before the answer, given up on /new, marked running before claude")
struct ClaudeJobExecutorSessionTests {
    let fake: FakeClaude
    let sessions = InMemorySessionStore()
    let key = SessionKey(platform: .telegram, chatID: "100", userID: "42")

    init() throws {
        fake = try FakeClaude()
    }

    func executor(replier: any ChatReplier) -> (ClaudeJobExecutor, Job) {
        var executor = ClaudeJobExecutor(runner: fake.runner(settings: FakeClaude.settings()), sessions: sessions)
        executor.progressInterval = .milliseconds(50)
        let job = Job(
            id: "job-\(UUID().uuidString.prefix(8))", user: ChatUser(platform: .telegram, id: "42"),
            address: ChatAddress(platform: .telegram, chatID: "100"), prompt: "PROGRESS", queuedAt: Date(),
            replier: replier)
        return (executor, job)
    }

    @Test("the new session is stored before the answer reaches the chat, so /new sent after it always wins")
    func sessionBeforeAnswer() async {
        defer { fake.remove() }
        let replier = SessionAtDeliveryReplier(sessions: sessions, key: key)
        let (executor, job) = executor(replier: replier)
        #expect(await executor.execute(job) == .ok)
        let atDelivery = await replier.sessionAtDelivery
        #expect(atDelivery != nil && atDelivery == fake.recordedSessions.first)
    }

    @Test("/new while the job runs: the job does not store its session afterwards")
    func newConversationDuringTheRun() async {
        defer { fake.remove() }
        let replier = RecordingReplier()
        let (executor, job) = executor(replier: replier)
        let running = Task { await executor.execute(job) }
        #expect(await ProcessLiveness.waitUntil { job.control.pid != nil })
        job.control.forgetSession()
        await sessions.forget(key)
        #expect(await running.value == .ok)
        #expect(await replier.lastOutcomeText == "done after progress")
        #expect(await sessions.sessionID(for: key) == nil)
    }

    @Test("the intake hears of the start before claude runs, of the end after the answer, of a discard before the chat")
    func intakeHooks() async {
        defer { fake.remove() }
        let replier = RecordingReplier()
        var (executor, job) = executor(replier: replier)
        let (events, note) = AsyncStream<String>.makeStream()
        executor.onStarting = { job in
            note.yield("starting, claude \(job.control.pid == nil ? "not started" : "running")")
            return true
        }
        executor.onFinished = { _ in note.yield("finished, answered: \(await replier.lastOutcomeText ?? "-")") }
        executor.onDiscarded = { _, _ in note.yield("discarded, chat told: \(await !replier.log.isEmpty)") }
        _ = await executor.execute(job)
        #expect(await events.next() == "starting, claude not started")
        #expect(await events.next() == "finished, answered: done after progress")
        let (_, queued) = self.executor(replier: RecordingReplier())
        await executor.discard(queued, reason: .cancel)
        #expect(await events.next()?.hasPrefix("discarded") == true)
    }

    @Test("a job whose start cannot be recorded does not run, and its chat is told")
    func startNotRecorded() async {
        defer { fake.remove() }
        let replier = RecordingReplier()
        var (executor, job) = executor(replier: replier)
        executor.onStarting = { _ in false }
        #expect(await executor.execute(job) == .error)
        #expect(fake.recordedPIDs.isEmpty)
        #expect(await replier.lastOutcomeText == JobMessages.startNotRecorded)
    }
}

/// A replier that notes which session the store holds at the moment the answer is delivered.
private actor SessionAtDeliveryReplier: ChatReplier {
    let sessions: InMemorySessionStore
    let key: SessionKey
    private(set) var sessionAtDelivery: String?

    init(sessions: InMemorySessionStore, key: SessionKey) {
        self.sessions = sessions
        self.key = key
    }

    func send(_ text: String, to address: ChatAddress) -> PostedMessage? {
        PostedMessage(address: address, messageID: "1")
    }

    func edit(_ message: PostedMessage, text: String) {}

    func deliverAnswer(
        _ markdown: String, to address: ChatAddress, replacing placeholder: PostedMessage?, documentName: String
    ) async {
        sessionAtDelivery = await sessions.sessionID(for: key)
    }

    func sendFile(_ file: OutgoingFile, to address: ChatAddress) -> Bool { true }

    func showWorking(in address: ChatAddress) {}
}
