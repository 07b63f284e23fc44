import ClaudioTestSupport
import Foundation
import Shared
import Testing

@testable import ClaudioBot

@Suite("Running claude for a job: argv and stdin, answers, failures, sessions, whole-tree kills")
struct ClaudeJobExecutorTests {
    let fake: FakeClaude
    let replier = RecordingReplier()
    let sessions = InMemorySessionStore()

    init() throws {
        fake = try FakeClaude()
    }

    func executor(settings: Settings = FakeClaude.settings()) -> ClaudeJobExecutor {
        var executor = ClaudeJobExecutor(runner: fake.runner(settings: settings), sessions: sessions)
        executor.progressInterval = .milliseconds(100)
        return executor
    }

    func job(_ prompt: String, id: String = "job-\(UUID().uuidString.prefix(8))") -> Job {
        Job(
            id: id, user: ChatUser(platform: .telegram, id: "42", username: "alice"),
            address: ChatAddress(platform: .telegram, chatID: "100"), prompt: prompt, queuedAt: Date(),
            replier: replier)
    }

    var key: SessionKey { SessionKey(platform: .telegram, chatID: "100", userID: "42") }

    /// Waits until claude runs, kills the job, and returns the outcome with the number of processes killed.
    func runAndKill(_ prompt: String, reason: KillReason) async -> (JobOutcomeKind, Int) {
        let job = job(prompt)
        let executor = executor()
        let running = Task { await executor.execute(job) }
        _ = await ProcessLiveness.waitUntil { job.control.pid != nil }
        // The fake writes its background PIDs right after starting them.
        try? await Task.sleep(for: .milliseconds(300))
        let killed = await job.control.kill(reason)
        return (await running.value, killed)
    }

    func expectNoSurvivors() async {
        let pids = fake.recordedPIDs
        #expect(!pids.isEmpty)
        let allGone = await ProcessLiveness.waitUntil(timeout: .seconds(5)) {
            pids.allSatisfy { ProcStat.read(pid: $0)?.isLive != true }
        }
        #expect(allGone, "still alive: \(pids.filter { ProcStat.read(pid: $0)?.isLive == true })")
    }

    @Test("a prompt is answered, and the session from init is kept for the next prompt")
    func answered() async {
        defer { fake.remove() }
        let outcome = await executor().execute(job("hello there"))
        #expect(outcome == .ok)
        #expect(await replier.log.first == .sent("⏳ Working…"))
        #expect(await replier.lastOutcomeText == "echo: hello there")
        let session = fake.recordedSessions.first
        #expect(session != nil)
        #expect(await sessions.sessionID(for: key) == session)
    }

    @Test("a --version prompt reaches stdin as text; argv holds no prompt")
    func promptOnStdinOnly() async {
        defer { fake.remove() }
        let outcome = await executor().execute(job("--version"))
        #expect(outcome == .ok)
        #expect(fake.files(prefix: "stdin.") == ["--version"])
        let argv = fake.files(prefix: "argv.").first?.split(separator: "\n").map(String.init)
        #expect(argv == [
            "-p", "--input-format", "stream-json", "--output-format", "stream-json", "--verbose",
            "--dangerously-skip-permissions",
            "--mcp-config", #"{"mcpServers":{"claudio":{"type":"sdk","name":"claudio"}}}"#,
        ])
        #expect(await replier.lastOutcomeText == "echo: --version")
    }

    @Test("ALLOWED_TOOLS restricts tools with --allowedTools and --tools even when permissions are skipped; Claudio's own tool stays allowed")
    func restrictedTools() async {
        defer { fake.remove() }
        let settings = FakeClaude.settings(allowedTools: .only(["Read", "Bash(git:*)", "mcp__db__query"]))
        _ = await executor(settings: settings).execute(job("hi"))
        let argv = fake.files(prefix: "argv.").first?.split(separator: "\n").map(String.init) ?? []
        #expect(argv.contains("--dangerously-skip-permissions"))
        let allowed = argv.firstIndex(of: "--allowedTools").map { argv[$0 + 1] }
        let tools = argv.firstIndex(of: "--tools").map { argv[$0 + 1] }
        #expect(allowed == "Read,Bash(git:*),mcp__db__query,mcp__claudio__send_file")
        #expect(tools == "Read,Bash")
    }

    @Test("a stored session is resumed")
    func resumes() async {
        defer { fake.remove() }
        await sessions.save(sessionID: "abc-123", for: key)
        _ = await executor().execute(job("again"))
        let argv = fake.files(prefix: "argv.").first ?? ""
        #expect(argv.contains("--resume\nabc-123\n"))
        #expect(await sessions.sessionID(for: key) == "abc-123")
    }

    @Test("a session that cannot be resumed is retried once fresh, and the user is told")
    func resumeFallback() async {
        defer { fake.remove() }
        await sessions.save(sessionID: "stale-1", for: key)
        let outcome = await executor().execute(job("still there?"))
        #expect(outcome == .ok)
        let answer = await replier.lastOutcomeText ?? ""
        #expect(answer.hasPrefix(JobMessages.newConversation))
        #expect(answer.hasSuffix("echo: still there?"))
        let stored = await sessions.sessionID(for: key)
        #expect(stored != nil && stored != "stale-1")
        #expect(fake.files(prefix: "argv.").count == 2)
    }

    @Test("progress edits show the latest activity")
    func progress() async {
        defer { fake.remove() }
        _ = await executor().execute(job("PROGRESS"))
        let edits = await replier.log.compactMap { if case .edited(let text) = $0 { text } else { nil } }
        #expect(edits.contains { $0.contains("📖 Read: /etc/hostname") || $0.contains("🔧 Bash: ls -la") })
        #expect(await replier.lastOutcomeText == "done after progress")
    }

    @Test("COMMAND_TIMEOUT kills the whole tree and says so")
    func timeout() async {
        defer { fake.remove() }
        let outcome = await executor(settings: FakeClaude.settings(timeout: 1)).execute(job("SETSID"))
        #expect(outcome == .timeout)
        #expect(await replier.lastOutcomeText == "⏱️ Timed out after 1 s")
        await expectNoSurvivors()
    }

    @Test("an admin kill of a job that ignores SIGTERM leaves no process")
    func killIgnoringTerm() async {
        defer { fake.remove() }
        let (outcome, killed) = await runAndKill("IGNORE_TERM", reason: .admin)
        #expect(outcome == .killed)
        #expect(killed >= 2)
        #expect(await replier.lastOutcomeText == "🛑 Stopped by the administrator")
        await expectNoSurvivors()
    }

    @Test("a setsid grandchild dies with its job")
    func killSetsidGrandchild() async {
        defer { fake.remove() }
        let (outcome, killed) = await runAndKill("SETSID", reason: .cancel)
        #expect(outcome == .cancelled)
        #expect(killed >= 2)
        #expect(await replier.lastOutcomeText == "🛑 Cancelled")
        await expectNoSurvivors()
    }

    @Test("a double-forked daemon dies with its job")
    func killDoubleFork() async {
        defer { fake.remove() }
        let (outcome, _) = await runAndKill("DOUBLE_FORK", reason: .shutdown)
        #expect(outcome == .interrupted)
        #expect(await replier.lastOutcomeText == "⚠️ Interrupted: Claudio is shutting down")
        await expectNoSurvivors()
    }

    @Test("a non-zero exit shows the exit code and a sanitized stderr tail")
    func failure() async {
        defer { fake.remove() }
        let outcome = await executor().execute(job("FAIL"))
        #expect(outcome == .error)
        let text = await replier.lastOutcomeText ?? ""
        #expect(text.hasPrefix("❌ claude failed (exit code 3)."))
        #expect(text.contains("something broke: red"))
        #expect(!text.contains("\u{1B}"))
    }

    @Test("an is_error result is reported with the API's message")
    func apiError() async {
        defer { fake.remove() }
        let outcome = await executor().execute(job("API_ERROR"))
        #expect(outcome == .error)
        #expect((await replier.lastOutcomeText ?? "").contains("API Error: 500 upstream exploded"))
    }

    @Test("garbage lines and 10 MB of output do not stop the answer")
    func garbage() async {
        defer { fake.remove() }
        let outcome = await executor().execute(job("GARBAGE"))
        #expect(outcome == .ok)
        #expect(await replier.lastOutcomeText == "survived the garbage")
    }

    @Test("a missing CLI is reported to the user")
    func missingCLI() async {
        defer { fake.remove() }
        let runner = ClaudeRunner(
            supervisor: FakeClaude.supervisor(), settings: FakeClaude.settings(),
            executablePath: "/nonexistent/claude", environment: [:])
        let executor = ClaudeJobExecutor(runner: runner, sessions: sessions)
        #expect(await executor.execute(job("hi")) == .error)
        #expect((await replier.lastOutcomeText ?? "").hasPrefix("❌ Could not start claude"))
    }
}
