import Foundation
import Testing

@testable import ClaudioBot

@Suite("A job's activity: its last 20 tool calls, texts and files, newest last (SPEC §17)")
struct JobActivityTests {
    @Test("only the last 20 events are kept, in order")
    func keepsTheLastTwenty() {
        let activity = JobActivity()
        for index in 1...25 { activity.record(.tool, "Bash: step \(index)") }
        let kept = activity.recent
        #expect(kept.count == 20)
        #expect(kept.first?.summary == "Bash: step 6" && kept.last?.summary == "Bash: step 25")
    }

    @Test("claude's tool calls and the main agent's text are activity; a subagent's text and results are not")
    func fromClaudesOutput() {
        let now = Date()
        let bash = JobActivityEvent(.toolUse(.init(name: "Bash", input: ["command": "ls -la"])), at: now)
        #expect(bash == JobActivityEvent(at: now, kind: .tool, summary: "Bash: ls -la"))
        let send = JobActivityEvent(.toolUse(.init(name: "mcp__claudio__send_file", input: ["path": "a.png"])), at: now)
        #expect(send?.summary == "mcp__claudio__send_file: a.png")
        let text = JobActivityEvent(.assistantText("\nLet me look.\nThen more.", isFromSubagent: false), at: now)
        #expect(text == JobActivityEvent(at: now, kind: .text, summary: "Let me look."))
        #expect(JobActivityEvent(.assistantText("sub", isFromSubagent: true), at: now) == nil)
        #expect(JobActivityEvent(.other(type: "system", subtype: "task_started"), at: now) == nil)
    }

    @Test("a run through the runner records what claude did")
    func recordedByTheRunner() async throws {
        let fake = try FakeClaude()
        defer { fake.remove() }
        let control = JobControl()
        _ = try await fake.runner(settings: FakeClaude.settings()).run(
            prompt: "PROGRESS", resumeSessionID: nil, tag: "activity-\(UUID().uuidString.prefix(8))",
            control: control, onProgress: { _ in })
        let tools = control.activity.recent.filter { $0.kind == .tool }.map(\.summary)
        #expect(tools == ["Read: /etc/hostname", "Bash: ls -la"])
    }
}
