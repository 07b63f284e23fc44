import Foundation
import Shared
import Synchronization
import Testing

@testable import ClaudioBot

/// Answers every question with a fixed decision and remembers what it was asked; or never answers, and notes being
/// withdrawn.
final class ScriptedQuestions: ClaudeControlHandler {
    let decision: PermissionDecision?
    let asked = Mutex<[ClaudeControlRequest]>([])
    let withdrawn = Mutex(0)

    init(decision: PermissionDecision?) {
        self.decision = decision
    }

    func answer(_ request: ClaudeControlRequest) async -> ClaudeInput.ControlResult {
        asked.withLock { $0.append(request) }
        if let decision { return .success(decision.json) }
        while !Task.isCancelled { try? await Task.sleep(for: .milliseconds(20)) }
        withdrawn.withLock { $0 += 1 }
        return .error("withdrawn")
    }
}

@Suite("The runner's conversation with claude over stdin: initialize, the prompt, answers, the end of input")
struct ClaudeConversationTests {
    let fake: FakeClaude

    init() throws {
        fake = try FakeClaude()
    }

    func run(_ prompt: String, questions: ScriptedQuestions, control: JobControl = JobControl()) async throws
        -> ClaudeRunReport
    {
        try await fake.runner(settings: FakeClaude.settings(timeout: 20)).run(
            prompt: prompt, resumeSessionID: nil, tag: "conv-\(UUID().uuidString.prefix(8))", control: control,
            questions: questions, onProgress: { _ in })
    }

    @Test("stdin carries initialize, then the prompt as a user message; it closes after the result, so claude exits")
    func initializeThenPrompt() async throws {
        defer { fake.remove() }
        let report = try await run("hello \"quoted\" --version", questions: ScriptedQuestions(decision: nil))
        #expect(report.exit.code == 0)
        #expect(report.transcript.answer == "echo: hello \"quoted\" --version")
        let lines = try #require(fake.files(prefix: "input.").first).split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines[0].contains(#""subtype":"initialize""#))
        #expect(lines[1].contains(#""type":"user""#))
        #expect(fake.files(prefix: "stdin.") == ["hello \"quoted\" --version"])
    }

    @Test("a can_use_tool request is handed to the handler and its answer goes back to claude under the request id")
    func answered() async throws {
        defer { fake.remove() }
        let questions = ScriptedQuestions(decision: .allow(updatedInput: ["command": "ls -la"]))
        let report = try await run("ASK Bash ls -la", questions: questions)
        let asked = questions.asked.withLock { $0 }
        #expect(asked.count == 1)
        guard case .canUseTool(let request) = asked.first?.kind else {
            Issue.record("not a tool request: \(asked)")
            return
        }
        #expect(request.toolName == "Bash")
        #expect(request.input == ["command": "ls -la"])
        let answer = try #require(fake.files(prefix: "answers.").first)
        #expect(answer.contains(#""request_id":"ask-"#))
        #expect(answer.contains(#""behavior":"allow""#))
        #expect(answer.contains(#""updatedInput":{"command":"ls -la"}"#))
        #expect(report.transcript.answer?.contains(#""behavior":"allow""#) == true)
    }

    @Test("a question still open when the job is killed is withdrawn: its handler is cancelled, nothing is sent")
    func withdrawnOnKill() async throws {
        defer { fake.remove() }
        let questions = ScriptedQuestions(decision: nil)
        let control = JobControl()
        async let report = run("ASK Bash rm -rf /", questions: questions, control: control)
        _ = await ProcessLiveness.waitUntil { !questions.asked.withLock { $0.isEmpty } }
        _ = await control.kill(.cancel)
        #expect(try await report.killReason == .cancel)
        _ = await ProcessLiveness.waitUntil { questions.withdrawn.withLock { $0 } == 1 }
        #expect(questions.withdrawn.withLock { $0 } == 1)
        #expect(fake.files(prefix: "answers.").isEmpty)
    }
}
