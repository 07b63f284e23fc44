import Foundation
import Shared
import Testing

@testable import ClaudioTUI

@Suite("Console: / filters the focused panel as you type; Esc clears it (SPEC §17)")
struct PanelFilterTests {
    static let denied = SnapshotFixtures.snapshot(
        jobs: [SnapshotFixtures.job(1, username: "alice"), SnapshotFixtures.job(2, username: "bob")],
        denied: (1...3).map(SnapshotFixtures.denied))

    @Test("/ then typing narrows Denied attempts; the title shows the filter and the count; Esc clears it")
    func filtersDenied() throws {
        var screen = SnapshotFixtures.screen(Self.denied, columns: 100, rows: 30)
        screen.press(.tab, .tab)
        #expect(screen.state.focus == .denied)
        screen.press(.character("/"))
        #expect(screen.statusLineText.contains("Filter Denied attempts"))
        screen.press(.character("M"), .character("a"), .character("l"), .character("l"), .character("o"))
        screen.press(.character("r"), .character("y"), .character("2"))
        var text = screen.renderedText
        let title = try #require(text.first { $0.contains("Denied attempts (") })
        #expect(title.contains("Denied attempts (1 of 3)") && title.contains("/ Mallory2▏"))
        #expect(text.contains { $0.contains("mallory2") } && !text.contains { $0.contains("mallory1") })
        #expect(screen.rendered.selectedRows.first?.contains("mallory2") == true)

        screen.press(.enter)
        text = screen.renderedText
        #expect(text.contains { $0.contains("Denied attempts (1 of 3) / Mallory2 ") })
        #expect(screen.statusLineText.hasPrefix(" Denied attempts filtered by \"Mallory2\""))
        #expect(screen.press(.character("q")) == .quit, "after Enter keys are keys again")

        screen.press(.escape)
        text = screen.renderedText
        #expect(text.contains { $0.contains(" Denied attempts (3) ") })
        #expect(screen.state.filters.isEmpty)
    }

    @Test("Backspace edits; a filter that matches nothing says so; Esc while typing clears it")
    func editing() {
        var screen = SnapshotFixtures.screen(Self.denied, columns: 100, rows: 30)
        screen.press(.tab, .tab, .character("/"), .character("z"), .character("z"))
        #expect(screen.renderedText.contains { $0.contains("No rows match \"zz\" (Esc clears the filter).") })
        screen.press(.backspace, .backspace, .character("3"))
        #expect(screen.state.filters[.denied] == "3")
        screen.press(.escape)
        #expect(screen.state.filters[.denied] == nil && !screen.state.editingFilter)
    }

    @Test("a filtered Jobs panel selects, kills and opens the rows it shows; other panels keep their rows")
    func filteredJobs() {
        var screen = SnapshotFixtures.screen(Self.denied, columns: 100, rows: 30)
        screen.press(.character("/"), .character("b"), .character("o"), .character("b"), .enter)
        #expect(screen.selectedJob?.id == "k3f9-2")
        #expect(screen.renderedText.contains { $0.contains(" Jobs (1 of 2) / bob ") })
        #expect(screen.renderedText.contains { $0.contains(" Denied attempts (3) ") })
        screen.press(.character("k"))
        #expect(screen.state.prompt == .killJob(id: "k3f9-2"))
        screen.press(.character("n"), .enter)
        #expect(screen.followedJobID == "k3f9-2")
    }

    @Test("an arrow key ends the typing and moves; the filter stays")
    func arrowEndsTyping() {
        var screen = SnapshotFixtures.screen(Self.denied, columns: 100, rows: 30)
        screen.press(.tab, .tab, .character("/"), .character("m"), .down)
        #expect(!screen.state.editingFilter && screen.state.filters[.denied] == "m")
        #expect(screen.rendered.selectedRows.first?.contains("mallory2") == true)
    }
}
