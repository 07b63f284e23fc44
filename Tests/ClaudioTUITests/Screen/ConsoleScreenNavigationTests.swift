import Shared
import Testing

@testable import ClaudioTUI

@Suite("Console screen: focus, selection and scrolling")
struct ConsoleScreenNavigationTests {
    static func jobs(_ count: Int) -> [JobInfo] { (1...count).map { SnapshotFixtures.job($0) } }

    @Test("starts with the Jobs panel focused and its first row selected")
    func initialSelection() {
        let screen = SnapshotFixtures.screen(SnapshotFixtures.snapshot(jobs: Self.jobs(3)))
        #expect(screen.state.focus == .jobs)
        #expect(screen.selectedJob?.id == "k3f9-1")
        #expect(screen.rendered.selectedRows.count == 1)
        #expect(screen.rendered.selectedRows.first?.hasPrefix(" k3f9-1 ") == true)
    }

    @Test("↑ and ↓ move the selection and stop at the first and last row")
    func clamping() {
        var screen = SnapshotFixtures.screen(SnapshotFixtures.snapshot(jobs: Self.jobs(3)))
        screen.press(.up)
        #expect(screen.selectedJob?.id == "k3f9-1")
        screen.press(.down, .down)
        #expect(screen.selectedJob?.id == "k3f9-3")
        screen.press(.down, times: 5)
        #expect(screen.selectedJob?.id == "k3f9-3")
        screen.press(.up)
        #expect(screen.rendered.selectedRows.first?.hasPrefix(" k3f9-2 ") == true)
    }

    @Test("a long jobs list scrolls to keep the selection visible; PgDn, PgUp, Home and End jump")
    func scrolling() throws {
        // 27 rows: five panels' chrome and one row each leave the jobs ten.
        var screen = SnapshotFixtures.screen(SnapshotFixtures.snapshot(jobs: Self.jobs(30)), rows: 27)
        let visible = screen.layout.visibleRows(of: .jobs)
        #expect(visible == 10)
        #expect(screen.renderedText.contains { $0.contains(" Jobs (30) ") && $0.contains("1–10 of 30") })

        screen.press(.down, times: visible)
        #expect(screen.selectedJob?.id == "k3f9-11")
        #expect(screen.state.cursor(of: .jobs).offset == 1)
        let text = screen.renderedText
        #expect(text.contains { $0.contains("2–11 of 30") })
        #expect(!text.contains { $0.hasPrefix(" k3f9-1 ") })
        #expect(screen.rendered.selectedRows.first?.hasPrefix(" k3f9-11 ") == true)

        screen.press(.pageDown)
        #expect(screen.selectedJob?.id == "k3f9-20")
        screen.press(.end)
        #expect(screen.selectedJob?.id == "k3f9-30")
        #expect(screen.renderedText.contains { $0.contains("21–30 of 30") })
        screen.press(.pageUp)
        #expect(screen.selectedJob?.id == "k3f9-21")
        #expect(screen.state.cursor(of: .jobs).offset == 20)
        screen.press(.home)
        #expect(screen.selectedJob?.id == "k3f9-1")
        #expect(screen.state.cursor(of: .jobs).offset == 0)
    }

    @Test("the selection follows its job when rows above it go away, and moves up when its job ends")
    func followsJobAcrossPolls() {
        var screen = SnapshotFixtures.screen(SnapshotFixtures.snapshot(jobs: Self.jobs(5)))
        screen.press(.down, .down)
        #expect(screen.selectedJob?.id == "k3f9-3")
        screen.receive(SnapshotFixtures.snapshot(jobs: Array(Self.jobs(5).dropFirst())))
        #expect(screen.selectedJob?.id == "k3f9-3")
        screen.receive(SnapshotFixtures.snapshot(jobs: Array(Self.jobs(2))))
        #expect(screen.selectedJob?.id == "k3f9-2")
        screen.receive(SnapshotFixtures.snapshot())
        #expect(screen.selectedJob == nil)
        #expect(screen.rendered.selectedRows.isEmpty)
    }

    @Test("Tab visits Jobs, Rate limits, Denied attempts, History, Locks and back; Shift-Tab goes the other way")
    func focusOrder() {
        var screen = SnapshotFixtures.screen(SnapshotFixtures.snapshot())
        var visited: [Panel] = [screen.state.focus]
        for _ in 0..<5 {
            screen.press(.tab)
            visited.append(screen.state.focus)
        }
        #expect(visited == [.jobs, .rateLimits, .denied, .history, .locks, .jobs])
        screen.press(.backTab)
        #expect(screen.state.focus == .locks)
    }

    @Test("the focused panel's title is highlighted and only it shows a selected row")
    func focusHighlight() {
        var screen = SnapshotFixtures.screen(
            SnapshotFixtures.snapshot(
                jobs: Self.jobs(2), denied: [SnapshotFixtures.denied(1), SnapshotFixtures.denied(2)]))
        screen.press(.tab, .tab)
        #expect(screen.state.focus == .denied)
        let lines = screen.rendered
        let title = lines.first { $0.text.contains(" Denied attempts (2) ") }
        #expect(title?.segments.contains { $0.style == .selected && $0.text.contains("Denied attempts") } == true)
        #expect(lines.selectedRows.count == 1)
        #expect(lines.selectedRows.first?.contains("mallory1") == true)
        screen.press(.down)
        #expect(screen.rendered.selectedRows.first?.contains("mallory2") == true)
        #expect(screen.selectedJob?.id == "k3f9-1")
    }

    @Test("q and F10 quit")
    func quit() {
        var screen = SnapshotFixtures.screen(SnapshotFixtures.snapshot())
        #expect(screen.press(.character("q")) == .quit)
        #expect(screen.press(.function(10)) == .quit)
    }
}
