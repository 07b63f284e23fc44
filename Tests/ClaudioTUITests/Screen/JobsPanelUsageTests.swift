import Shared
import Testing

@testable import ClaudioTUI

@Suite("Console: the Jobs panel's CPU % and RSS, the footer on narrow terminals")
struct JobsPanelUsageTests {
    @Test("CPU % and RSS are the sums over each job's tree; unknown and queued show -")
    func columns() {
        var sampled = SnapshotFixtures.job(1)
        sampled.cpuPercent = 112.34
        sampled.rssBytes = 45_300_000
        let table = PanelTable.jobs([sampled, SnapshotFixtures.job(2), SnapshotFixtures.job(3, state: .queued)])
        #expect(table.columns.map(\.title) == [
            "ID", "PLATFORM", "USER", "PID", "ELAPSED", "PROCS", "CPU%", "RSS", "PROMPT",
        ])
        #expect(table.rows.map { $0.cells[6] } == ["112.3", "-", "-"])
        #expect(table.rows.map { $0.cells[7] } == ["43.2M", "-", "-"])
    }

    @Test("memory and CPU texts fit five columns", arguments: [
        (0, "0K"), (812 * 1024, "812K"), (999 * 1024, "999K"), (1000 * 1024, "1.0M"), (45_300_000, "43.2M"),
        (312 << 20, "312M"), (1_288_490_189, "1.2G"),
    ])
    func memory(bytes: Int, text: String) {
        #expect(UsageText.memory(bytes: bytes) == text)
        #expect(text.count <= 5)
    }

    @Test("CPU text")
    func cpu() {
        #expect(UsageText.cpu(nil) == "-")
        #expect(UsageText.cpu(0) == "0.0")
        #expect(UsageText.cpu(99.96) == "100.0")
        #expect(UsageText.cpu(1234.4) == "1234")
    }

    @Test("at 80 columns every job column fits; at 50 the rightmost give way and lines keep their width")
    func narrow() {
        var job = SnapshotFixtures.job(1, username: "山田太郎")
        job.cpuPercent = 3
        job.rssBytes = 1 << 20
        let snapshot = SnapshotFixtures.snapshot(jobs: [job])
        let wide = SnapshotFixtures.screen(snapshot, columns: 80, rows: 24).renderedText
        #expect(wide.contains { $0.contains("CPU%") && $0.contains("RSS") && $0.contains("PROMPT") })
        #expect(wide.contains { $0.contains("@山田太郎") && $0.contains("3.0") && $0.contains("1.0M") })
        let narrow = SnapshotFixtures.screen(snapshot, columns: 50, rows: 18)
        #expect(narrow.rendered.allSatisfy { $0.width == 50 })
        #expect(narrow.renderedText.contains { $0.contains(" ID ") && !$0.contains("RSS") })
    }

    @Test("the footer drops the least needed keys first; ? help and q quit always stay", arguments: [50, 80, 120])
    func footer(columns: Int) {
        let screen = SnapshotFixtures.screen(
            SnapshotFixtures.snapshot(jobs: [SnapshotFixtures.job(1)], approvals: [SnapshotFixtures.approval(1)]),
            columns: columns, rows: 24)
        let footer = screen.renderedText[22]
        #expect(footer.contains("? help") && footer.contains("q quit"), "\(footer)")
        #expect(!footer.contains("…"))
        if columns >= 120 { #expect(footer.contains("Enter job") && footer.contains("/ filter")) }
    }
}
