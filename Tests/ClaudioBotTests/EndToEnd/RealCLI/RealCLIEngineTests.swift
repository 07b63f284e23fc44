import Foundation
import Shared
import Testing

@testable import ClaudioBot

/// The job engine running the real Claude Code CLI (`make test` installs it) against a fake Anthropic API.
/// Serialized: each run starts a 400 MB CLI, and a few at once on two cores slow every one of them down.
@Suite("The real Claude Code CLI through the job engine", .serialized, RealClaudeCLI.installed, .fakeAnthropic)
struct RealCLIEngineTests {
    @Test("a plain prompt is answered by the model, and the CLI's session is kept for the chat")
    func plainPrompt() async throws {
        let harness = try RealCLIHarness()
        defer { harness.remove() }
        let prompt = "hello from the chat \(harness.marker)"
        #expect(try await harness.run(prompt) == .ok)
        #expect(await harness.replier.lastOutcomeText == "Echo: \(prompt)")
        #expect(await harness.replier.log.first == .sent(JobMessages.working))
        #expect(await harness.sessions.sessionID(for: harness.key) != nil)
        #expect(!(await harness.api.state.messageRequests(mentioning: prompt)).isEmpty)
    }

    @Test("COMMAND_TIMEOUT kills the CLI and its Bash tool's setsid'd command: no process of the job is left")
    func timeoutKillsTheToolCommand() async throws {
        let harness = try RealCLIHarness()
        defer { harness.remove() }
        for timeout in RealClaudeCLI.timeoutAttempts {
            let job = harness.job(RealClaudeCLI.longToolPrompt)
            let watch = JobProcessWatch(tag: job.id)
            await watch.start()
            let outcome = await harness.executor(settings: try harness.settings(timeout: timeout)).execute(job)
            await watch.stop()
            let commandStarted = await watch.sawCommand(RealClaudeCLI.longToolProcess)
            if !commandStarted, timeout != RealClaudeCLI.timeoutAttempts.last {
                // Too slow a start to prove anything: again, in a new conversation, with more time.
                await harness.sessions.forget(harness.key)
                continue
            }

            #expect(outcome == .timeout)
            #expect(await harness.replier.lastOutcomeText == KillReason.timeout.userMessage(timeoutSeconds: timeout))
            #expect(commandStarted, "the tool's command had not started before the timeout")
            let allGone = await ProcessLiveness.waitUntil(timeout: .seconds(5)) { await watch.survivors().isEmpty }
            let survivors = await watch.survivors()
            #expect(allGone, "still running: \(survivors)")
            #expect(ProcessLiveness.taggedProcesses(job.id).isEmpty)
            return
        }
    }

    @Test("two prompts in one chat share the conversation; forgetting the session starts a fresh one")
    func conversationContinuesUntilForgotten() async throws {
        let harness = try RealCLIHarness()
        defer { harness.remove() }
        let first = "remember the word apricot \(harness.marker)"
        let second = "which word did I ask you to remember? \(harness.marker)"
        let third = "a new topic \(harness.marker)"

        #expect(try await harness.run(first) == .ok)
        let session = await harness.sessions.sessionID(for: harness.key)
        #expect(try await harness.run(second) == .ok)
        let resumed = try await harness.api.waitForRequest(prompt: second)
        #expect(resumed.userTexts.contains(first), "the second request did not carry the first prompt")
        #expect(await harness.sessions.sessionID(for: harness.key) == session)

        await harness.sessions.forget(harness.key)
        #expect(try await harness.run(third) == .ok)
        let fresh = try await harness.api.waitForRequest(prompt: third)
        #expect(!fresh.userTexts.contains(first) && !fresh.userTexts.contains(second))
        let newSession = await harness.sessions.sessionID(for: harness.key)
        #expect(newSession != nil && newSession != session)
    }

    @Test("a --version prompt is answered by the model, not parsed by the CLI as its option")
    func versionPromptReachesTheModel() async throws {
        let harness = try RealCLIHarness()
        defer { harness.remove() }
        #expect(try await harness.run("--version") == .ok)
        #expect(await harness.replier.lastOutcomeText == "Echo: --version")
        try await harness.api.waitForRequest(prompt: "--version", timeout: .seconds(1))
    }

    @Test("ALLOWED_TOOLS=Read with SKIP_PERMISSIONS=true takes the Bash tool away from the model")
    func allowedToolsRemovesBash() async throws {
        let harness = try RealCLIHarness()
        defer { harness.remove() }
        let marker = "should-not-run-\(harness.marker)"
        let prompt = "RUNBASH: echo \(marker)"
        let settings = try harness.settings(allowedTools: .only(["Read"]), skipPermissions: true)
        let outcome = try await harness.run(prompt, settings: settings)

        let asked = try await harness.api.waitForRequest(prompt: prompt, timeout: .seconds(1))
        #expect(asked.toolNames.contains("Read"))
        #expect(!asked.toolNames.contains("Bash"), "tools offered: \(asked.toolNames)")
        // The fake model asks for Bash anyway: the CLI must refuse it rather than run the command.
        let conversation = await harness.api.state.messageRequests(mentioning: prompt)
        let results = conversation.compactMap { $0.lastUserTurn?.toolResults.last }
        let result = try #require(results.first)
        #expect(result.isError, "tool result: \(result.text)")
        #expect(!result.text.contains(marker), "tool result: \(result.text)")
        #expect(outcome == .ok)
    }

    @Test("an API error reaches the user as a readable message with the exit code")
    func apiErrorIsReported() async throws {
        let harness = try RealCLIHarness()
        defer { harness.remove() }
        #expect(try await harness.run("FAIL: 500 noretry") == .error)
        let text = await harness.replier.lastOutcomeText ?? ""
        #expect(text.hasPrefix("❌ claude failed (exit code 1)."), "\(text)")
        #expect(text.contains("API Error: 500"), "\(text)")
    }
}
