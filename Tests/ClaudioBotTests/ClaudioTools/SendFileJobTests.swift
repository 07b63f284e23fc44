import ClaudioTestSupport
import Foundation
import Shared
import Testing

@testable import ClaudioBot

@Suite("send_file in a job run by the scripted claude, which calls it the way the real CLI does (SPEC §14)")
struct SendFileJobTests {
    let fake: FakeClaude
    let workspace: ScratchDirectory
    let replier = RecordingReplier()

    init() throws {
        fake = try FakeClaude()
        workspace = try ScratchDirectory()
        try Data("a,b\n1,2\n".utf8).write(to: URL(fileURLWithPath: workspace.path + "/table.csv"))
    }

    func remove() {
        fake.remove()
        workspace.remove()
    }

    func run(_ prompt: String, skipPermissions: Bool) async -> Job {
        var settings = FakeClaude.settings()
        settings.workspacePath = workspace.path
        settings.skipPermissions = skipPermissions
        let job = Job(
            id: "job-\(UUID().uuidString.prefix(8))", user: ChatUser(platform: .telegram, id: "42", username: "alice"),
            address: ChatAddress(platform: .telegram, chatID: "100"), prompt: prompt, queuedAt: Date(),
            replier: replier)
        var executor = ClaudeJobExecutor(runner: fake.runner(settings: settings), sessions: InMemorySessionStore())
        // The desk would ask the chat about any other tool; Claudio's own is allowed before it is reached.
        executor.approvals = ApprovalDesk(log: ForgettingApprovalLog(), timeoutSeconds: 5)
        _ = await executor.execute(job)
        return job
    }

    @Test("with tool approval on, can_use_tool is allowed without a question and the file reaches the chat")
    func withApproval() async {
        defer { remove() }
        let job = await run("SENDFILE table.csv the table", skipPermissions: false)
        #expect(await replier.lastOutcomeText == "sendfile: sent table.csv (8 bytes) to the chat")
        #expect(await replier.log.contains(.file("table.csv")))
        #expect(await !replier.log.contains { if case .sent(let text) = $0 { text.contains("🔐") } else { false } })
        let answers = fake.files(prefix: "answers.").first ?? ""
        #expect(answers.contains(#""behavior":"allow","updatedInput":{"caption":"the table","path":"table.csv"}"#))
        #expect(job.control.activity.recent.map(\.summary).suffix(2) == [
            "mcp__claudio__send_file: table.csv", "sent table.csv (8 bytes)",
        ])
    }

    @Test("with permissions skipped the tool is called directly; a refusal comes back as the tool's error")
    func skippedPermissionsAndRefusal() async {
        defer { remove() }
        _ = await run("SENDFILE table.csv", skipPermissions: true)
        #expect(await replier.lastOutcomeText == "sendfile: sent table.csv (8 bytes) to the chat")
        _ = await run("SENDFILE ../../etc/passwd", skipPermissions: true)
        #expect(await replier.lastOutcomeText == "sendfile error: could not send ../../etc/passwd: outside the workspace")
        #expect(await replier.log.filter { if case .file = $0 { true } else { false } }.count == 1)
    }
}

/// Keeps no decisions: these tests look at what claude is answered, not at the approval history.
private struct ForgettingApprovalLog: ApprovalLog {
    func record(_ decision: ApprovalDecisionRecord) async {}
    func decisions(limit: Int) async -> [ApprovalDecisionRecord] { [] }
    func decision(id: String) async -> ApprovalDecisionRecord? { nil }
}
