import Foundation
import Shared
import Testing

@testable import ClaudioTUI

@Suite("Console: a job's page with its facts, whole prompt, process tree and activity (SPEC §17)")
struct JobPageTests {
    static let running = SnapshotFixtures.snapshot(jobs: [SnapshotFixtures.job(1), SnapshotFixtures.job(2)])

    /// A 100×40 screen with job 1's page open and its details received.
    static func openPage(_ detail: JobDetail = SnapshotFixtures.detail(), columns: Int = 100, rows: Int = 40)
        -> ConsoleScreen
    {
        var screen = SnapshotFixtures.screen(running, columns: columns, rows: rows)
        screen.press(.enter)
        screen.receive(detail)
        return screen
    }

    @Test("Enter opens the selected job's page; the app follows that job; Esc returns to the panels")
    func openAndClose() {
        var screen = SnapshotFixtures.screen(Self.running, columns: 100, rows: 40)
        #expect(screen.followedJobID == nil, "no page, no polling for a job")
        screen.press(.down)
        #expect(screen.press(.enter) == nil)
        #expect(screen.followedJobID == "k3f9-2")
        #expect(screen.renderedText[1].contains("Job k3f9-2 · loading"))
        #expect(screen.renderedText.contains { $0.contains("Loading job k3f9-2…") })
        screen.receive(SnapshotFixtures.detail(1))
        #expect(screen.state.page?.detail == nil, "an answer for another job is not this page's")

        screen.press(.escape)
        #expect(screen.state.page == nil && screen.followedJobID == nil)
        #expect(screen.renderedText.contains { $0.contains(" Jobs (2) ") })
        #expect(screen.selectedJob?.id == "k3f9-2", "the selection is where it was")
    }

    @Test("the facts: user, chat, state, PID, started, elapsed, time left, sandboxed, cost so far; the whole prompt")
    func facts() throws {
        let text = Self.openPage().renderedText
        #expect(text[0].contains("Claudio 0.1.0"), "the header stays")
        #expect(text[1].contains("Job k3f9-1 · @alice · running") && text[1].contains("Esc back"))
        let facts = text.joined(separator: "\n")
        for fact in [
            "User        @alice (1001)", "Chat        100 (telegram)", "State       running", "PID         5001",
            "Started     15:05:35", "Elapsed     1m05s", "Time left   28m55s", "Sandboxed   no", "Cost so far -",
        ] {
            #expect(facts.contains(fact), "\(fact) missing:\n\(facts)")
        }
        let prompt = try #require(text.firstIndex { $0 == " Prompt".padding(toLength: 100, withPad: " ", startingAt: 0) })
        #expect(text[prompt + 1].hasPrefix("   fix the build") && text[prompt + 2].hasPrefix("   then run the tests"))
    }

    @Test("the process tree is indented by parent like htop's; orphans of the daemon start trees of their own")
    func processTree() throws {
        let text = Self.openPage().renderedText
        let heading = try #require(text.firstIndex { $0.contains("Processes (4)") })
        #expect(text[heading].contains("CPU 12.5% · RSS 50.0M"))
        let rows = text[(heading + 1)...(heading + 5)].map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(rows[0].hasPrefix("PID    PPID S  CPU%   RSS COMMAND"))
        #expect(rows[1].hasSuffix("5001    4242 S   2.5 48.0M claude -p --output-format stream-json"))
        #expect(rows[2].hasSuffix("5002    5001 S   0.0  1.0M └─ sh -c make test"))
        #expect(rows[3].hasSuffix("5003    5002 R  10.0  512K    └─ sleep 1000"))
        #expect(rows[4].hasSuffix("5004    4242 S     -  512K sleep 30"))
    }

    @Test("tree drawing: siblings get ├─ and the last └─, with │ carried down past an unfinished sibling")
    func treeBranches() {
        func process(_ pid: Int, _ ppid: Int) -> JobProcessInfo {
            JobProcessInfo(pid: pid, ppid: ppid, state: "S", cpuPercent: nil, rssBytes: 0, command: "p\(pid)")
        }
        let rows = ProcessTreeRows.rows([
            process(14, 11), process(10, 1), process(11, 10), process(13, 10), process(12, 11), process(20, 1),
        ])
        #expect(rows.map(\.process.pid) == [10, 11, 12, 14, 13, 20])
        #expect(rows.map(\.branch) == ["", "├─ ", "│  ├─ ", "│  └─ ", "└─ ", ""])
        #expect(rows.map(\.depth) == [0, 1, 2, 2, 1, 0])
        let loop = ProcessTreeRows.rows([process(30, 31), process(31, 30)])
        #expect(loop.map(\.process.pid).sorted() == [30, 31], "parents that loop are still each listed once")
    }

    @Test("the activity, newest last, with approvals marked")
    func activity() throws {
        let lines = Self.openPage().rendered
        let heading = try #require(lines.firstIndex { $0.text.contains("Activity (3, newest last)") })
        #expect(lines[heading + 1].text.hasPrefix(" 15:05:40 tool     Bash: make test"))
        #expect(lines[heading + 2].text.contains("text     The build fails in one place."))
        #expect(lines[heading + 3].text.contains("approval 🔐 Bash asked: rm -rf build"))
        #expect(lines[heading + 3].segments.first?.style == .warning)
    }

    @Test("k asks to kill the page's job and y kills it; once it has ended the page says how, from the History")
    func killAndEnd() {
        var screen = Self.openPage()
        #expect(screen.press(.character("k")) == nil)
        #expect(screen.statusLineText.hasPrefix(" Kill job k3f9-1? y/n"))
        #expect(screen.press(.character("y")) == .kill(jobID: "k3f9-1"))

        screen.receiveJobEnded("k3f9-1")
        #expect(screen.followedJobID == nil, "an ended job is not polled any more")
        var text = screen.renderedText
        #expect(text[1].contains("Job k3f9-1 · @alice · ended"))
        #expect(text.contains { $0.contains("The job has ended") })
        #expect(text.contains { $0.contains("No processes left.") })

        var killed = SnapshotFixtures.finished(9, outcome: .killed)
        killed.origin.id = "k3f9-1"
        screen.receive(SnapshotFixtures.snapshot(jobs: [SnapshotFixtures.job(2)], history: [killed]), at: SnapshotFixtures.now)
        text = screen.renderedText
        #expect(text[1].contains("ended (killed)"))
        #expect(text.contains { $0.contains("■ Ended: killed after 2m05s · cost $0.0123 — Esc returns to the dashboard") })
        #expect(text.contains { $0.contains("Elapsed     2m05s") } && text.contains { $0.contains("Time left   - ") })
        screen.press(.character("k"))
        #expect(screen.state.prompt == nil)
        #expect(screen.statusLineText.hasPrefix(" Job k3f9-1 has already ended"))
        #expect(!text[text.count - 2].contains("k kill"))
    }

    @Test("a and d on the page answer this job's waiting request; Enter on the Approvals panel opens its job")
    func approvalsOnThePage() {
        let waiting = SnapshotFixtures.snapshot(
            jobs: [SnapshotFixtures.job(1, state: .waitingApproval), SnapshotFixtures.job(2)],
            approvals: [SnapshotFixtures.approval(2), SnapshotFixtures.approval(1)])
        var screen = SnapshotFixtures.screen(waiting, columns: 100, rows: 40)
        screen.press(.backTab)
        #expect(screen.state.focus == .approvals)
        screen.press(.down, .enter)
        #expect(screen.followedJobID == "k3f9-1")
        screen.press(.character("d"))
        #expect(screen.statusLineText.hasPrefix(" Deny Bash: rm -rf build? y/n"))
        #expect(screen.press(.character("y")) == .decide(approvalID: SnapshotFixtures.approval(1).id, allow: false))
        #expect(screen.renderedText[screen.renderedText.count - 2].contains("a/d allow/deny"))
    }

    @Test("a long page scrolls with ↓ and PgDn and stops at its end; the title shows where")
    func scrolling() {
        let prompt = (1...40).map { "line \($0) of a long prompt" }.joined(separator: "\n")
        var screen = Self.openPage(SnapshotFixtures.detail(prompt: prompt), columns: 80, rows: 24)
        #expect(screen.renderedText[1].contains(" 1–20 of "))
        screen.press(.down, .pageDown)
        #expect(screen.state.page?.offset == 20)
        screen.press(.end)
        let text = screen.renderedText
        #expect(text.count == 24)
        #expect(text[21].contains("approval 🔐 Bash asked"), "the last event on the last body row")
        screen.press(.home)
        #expect(screen.state.page?.offset == 0)
    }

    @Test("wide names and commands keep every line at the terminal's width, down to 50 columns")
    func wideTextAndNarrowTerminals() {
        let detail = SnapshotFixtures.detail(
            prompt: "修复构建 🛠️ then ship it", username: "太郎",
            commands: ["claude -p 日本語のテキスト", "sh -c 'echo 👩‍💻 done'", "sleep 1000", "python3 データ.py"])
        for (columns, rows) in [(120, 40), (80, 24), (61, 20), (50, 18)] {
            let screen = Self.openPage(detail, columns: columns, rows: rows)
            let lines = screen.rendered
            #expect(lines.count == rows)
            #expect(lines.allSatisfy { $0.width == columns }, "\(columns)×\(rows)")
            #expect(lines.contains { $0.text.contains("@太郎") })
        }
        let narrow = Self.openPage(detail, columns: 50, rows: 18).renderedText
        #expect(narrow.contains { $0.contains("User        @太郎 (1001)") }, "one fact a line when two do not fit")
    }
}
