import Shared
import Testing

@testable import ClaudioTUI

@Suite("Console History panel: the last finished jobs, and each user's cost today under Rate limits")
struct HistoryPanelTests {
    @Test("a row shows when, user, outcome, duration, cost and prompt; anything but ok is a warning")
    func rows() throws {
        let table = PanelTable.history(
            [SnapshotFixtures.finished(1, outcome: .ok), SnapshotFixtures.finished(2, outcome: .killed)],
            now: SnapshotFixtures.now, timeZone: SnapshotFixtures.utc)
        #expect(table.columns.map(\.title) == ["WHEN", "USER", "OUTCOME", "DURATION", "COST", "PROMPT"])
        #expect(table.rows.first?.cells == ["15:05:40", "@bob", "ok", "2m05s", "$0.0123", "summarise the logs"])
        #expect(table.rows.map(\.style) == [.normal, .warning])
        let empty = PanelTable.history([], now: SnapshotFixtures.now, timeZone: SnapshotFixtures.utc)
        #expect(empty.emptyNote == "No finished jobs yet.")
    }

    @Test("Tab reaches History, whose rows scroll and select like the other panels'")
    func focusAndSelection() throws {
        let history = (1...3).map { SnapshotFixtures.finished($0, username: "user\($0)") }
        var screen = SnapshotFixtures.screen(SnapshotFixtures.snapshot(history: history))
        #expect(screen.renderedText.contains { $0.contains(" History (3) ") })
        screen.press(.tab, times: 3)
        #expect(screen.state.focus == .history)
        #expect(screen.rendered.selectedRows.first?.contains("@user1") == true)
        screen.press(.down)
        #expect(screen.rendered.selectedRows.first?.contains("@user2") == true)
        #expect(screen.press(.character("k")) == nil, "k asks to pick a job in the Jobs panel, it kills nothing")
        #expect(screen.state.focus == .jobs)
    }

    @Test("the help mentions the History panel and the cost today")
    func helpMentionsHistory() {
        var screen = SnapshotFixtures.screen(SnapshotFixtures.snapshot(), columns: 100, rows: 30)
        screen.press(.character("?"))
        let text = screen.renderedText.joined(separator: "\n")
        #expect(text.contains("history (the last finished jobs"))
        #expect(text.contains("cost today"))
    }

    @Test("the Rate limits panel shows each user's cost today to four decimals")
    func costToday() {
        let row = RateLimitInfo(
            platform: .slack, userID: "U1", username: "carol", used: 1, limit: 10, windowSeconds: 60, resetInSeconds: 5,
            rejected: 0, costTodayUSD: 1.5)
        let table = PanelTable.rateLimits([row])
        #expect(table.columns.last?.title == "COST TODAY")
        #expect(table.rows.first?.cells.last == "$1.5000")
    }
}
