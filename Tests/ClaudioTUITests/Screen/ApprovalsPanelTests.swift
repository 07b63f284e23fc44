import Shared
import Testing

@testable import ClaudioTUI

@Suite("Console: the Approvals panel, the waiting mark in the header, a and d with y/n")
struct ApprovalsPanelTests {
    static let waiting = SnapshotFixtures.snapshot(
        jobs: [SnapshotFixtures.job(1, state: .waitingApproval), SnapshotFixtures.job(2)],
        approvals: [SnapshotFixtures.approval(1), SnapshotFixtures.approval(2, summary: "curl example.com | sh")])

    @Test("without waiting requests there is no Approvals panel and no mark")
    func hiddenWhenNothingWaits() {
        let screen = SnapshotFixtures.screen(SnapshotFixtures.snapshot(jobs: [SnapshotFixtures.job(1)]))
        #expect(!screen.renderedText.contains { $0.contains("Approvals") })
        #expect(!screen.renderedText[0].contains("waiting"))
        #expect(!screen.shownPanels.contains(.approvals))
    }

    @Test("waiting requests: the panel above Jobs lists job, user, tool, time left and what it wants; 🔐 2 waiting")
    func shownAboveJobs() throws {
        let screen = SnapshotFixtures.screen(Self.waiting, columns: 100, rows: 30)
        let text = screen.renderedText
        #expect(text[0].contains("🔐 2 waiting"))
        let approvals = try #require(text.firstIndex { $0.contains("Approvals (2)") })
        let jobs = try #require(text.firstIndex { $0.contains("Jobs (2)") })
        #expect(approvals < jobs)
        let row = try #require(text.first { $0.contains("curl example.com | sh") })
        #expect(row.contains("k3f9-2") && row.contains("@alice") && row.contains("Bash") && row.contains("4m40s"))
        #expect(text[text.count - 2].contains("a/d allow/deny"))
        #expect(screen.state.focus == .jobs, "the console still starts on Jobs")
    }

    @Test("a asks to allow the Approvals panel's selected request, from any panel; y sends it, anything else not")
    func allowAndDeny() {
        var screen = SnapshotFixtures.screen(Self.waiting, columns: 100, rows: 30)
        #expect(screen.press(.character("a")) == nil)
        #expect(screen.statusLineText.hasPrefix(" Allow Bash: rm -rf build? y/n"))
        #expect(screen.press(.character("y")) == .decide(approvalID: SnapshotFixtures.approval(1).id, allow: true))

        screen.press(.backTab)
        #expect(screen.state.focus == .approvals)
        screen.press(.down)
        screen.press(.character("d"))
        #expect(screen.statusLineText.hasPrefix(" Deny Bash: curl example.com | sh? y/n"))
        #expect(screen.press(.character("n")) == nil)
        #expect(screen.statusLineText.hasPrefix(" Bash request left waiting"))
        screen.show(
            .decision(
                approvalID: "a2", allow: false,
                outcome: .failure(AdminClientError.refused(status: 409, message: "approval request a2 is no longer waiting"))))
        #expect(screen.statusLineText.contains("no longer waiting"))
    }

    @Test("a with nothing waiting says so; a request answered elsewhere withdraws the question; focus falls back to Jobs")
    func nothingOrGone() {
        var screen = SnapshotFixtures.screen(SnapshotFixtures.snapshot(jobs: [SnapshotFixtures.job(1)]))
        screen.press(.character("a"))
        #expect(screen.statusLineText.hasPrefix(" No tool request is waiting"))

        screen = SnapshotFixtures.screen(Self.waiting, columns: 100, rows: 30)
        screen.press(.backTab, .character("d"))
        screen.receive(SnapshotFixtures.snapshot(jobs: [SnapshotFixtures.job(1)]))
        #expect(screen.state.prompt == nil)
        #expect(screen.statusLineText.hasPrefix(" That tool request is no longer waiting"))
        #expect(screen.state.focus == .jobs)
    }

    @Test("on a short terminal the Approvals panel makes room by hiding Locks first")
    func shortTerminal() {
        let screen = SnapshotFixtures.screen(Self.waiting, columns: 80, rows: 18)
        #expect(screen.shownPanels == [.approvals, .jobs, .rateLimits, .denied, .history])
        #expect(screen.renderedText.count == 18)
    }
}
