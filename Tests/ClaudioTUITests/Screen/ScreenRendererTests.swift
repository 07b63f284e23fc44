import Shared
import Testing

@testable import ClaudioTUI

@Suite("Console screen layout at 80×24 and 120×40")
struct ScreenRendererTests {
    static let busy = SnapshotFixtures.snapshot(
        jobs: [
            SnapshotFixtures.job(1, prompt: "日本語でビルドを直してください、お願いします", username: "山田太郎"),
            SnapshotFixtures.job(2, prompt: "deploy 🚀 the thing", username: nil),
            SnapshotFixtures.job(3, state: .queued),
        ],
        rateLimits: [
            RateLimitInfo(
                platform: .telegram, userID: "1001", username: "alice", used: 4, limit: 10, windowSeconds: 60,
                resetInSeconds: 42, rejected: 0, costTodayUSD: 0.03)
        ],
        denied: [SnapshotFixtures.denied(3)],
        history: [SnapshotFixtures.finished(4, outcome: .timeout)])

    /// Where `needle` starts on `line`, in display columns.
    static func column(of needle: String, in line: String) -> Int? {
        guard let range = line.range(of: needle) else { return nil }
        return DisplayWidth.of(line[..<range.lowerBound])
    }

    @Test("every line is exactly the terminal's width and there are exactly as many lines as rows",
          arguments: [(80, 24), (120, 40), (50, 18), (200, 60)])
    func exactSize(columns: Int, rows: Int) {
        let screen = SnapshotFixtures.screen(Self.busy, columns: columns, rows: rows)
        let lines = screen.rendered
        #expect(lines.count == rows)
        for line in lines { #expect(line.width == columns, "\(line.text)") }
    }

    @Test("80×24: header, the five panels in order, footer and status line")
    func layout80x24() throws {
        let text = SnapshotFixtures.screen(Self.busy).renderedText
        let header = text[0]
        for part in ["Claudio 0.1.0", "pid 4242", "up 3m05s", "● telegram", "○ slack", "jobs 2/3 +1 queued"] {
            #expect(header.contains(part), "\(part) missing from \(header)")
        }
        let titles = ["Jobs (3)", "Rate limits (1)", "Denied attempts (1)", "History (1)", "Locks (1)"].map { title in
            text.firstIndex { $0.contains(" \(title) ") }
        }
        #expect(titles.allSatisfy { $0 != nil })
        #expect(titles.compactMap { $0 } == titles.compactMap { $0 }.sorted())
        #expect(text[22].contains("Tab panel") && text[22].contains("k kill") && text[22].contains("q quit"))
        #expect(text[23].trimmingCharacters(in: .whitespaces).isEmpty)

        #expect(text.contains { $0.contains("ID") && $0.contains("PLATFORM") && $0.contains("PROMPT") })
        #expect(text.contains { $0.contains("@alice") && $0.contains("4/10") && $0.contains("42s") && $0.contains("$0.0300") })
        #expect(text.contains { $0.contains("@bob") && $0.contains("timeout") && $0.contains("2m05s") && $0.contains("$0.0123") })
        #expect(text.contains { $0.contains("15:05:40") && $0.contains("not_allowed") && $0.contains("@mallory3") })
        #expect(text.contains { $0.contains("/tmp/telegram_claude_bot.lock") && $0.contains("yes") })
    }

    @Test("wide names and prompts are cut with … and the columns after them stay aligned")
    func wideTextAlignment() throws {
        let text = SnapshotFixtures.screen(Self.busy).renderedText
        let cjk = try #require(text.first { $0.hasPrefix(" k3f9-1 ") })
        let emoji = try #require(text.first { $0.hasPrefix(" k3f9-2 ") })
        #expect(cjk.contains("@山田太郎"))
        #expect(cjk.contains("…"))
        #expect(!cjk.contains("お願いします"))
        #expect(emoji.contains("1002"))
        #expect(Self.column(of: "5001", in: cjk) == Self.column(of: "5002", in: emoji))
        #expect(Self.column(of: "1m05s", in: cjk) == Self.column(of: "1m05s", in: emoji))
        let queued = try #require(SnapshotFixtures.screen(Self.busy).rendered.first { $0.text.hasPrefix(" k3f9-3 ") })
        #expect(queued.text.contains("queued"))
    }

    @Test("120×40 shows whole prompts that 80 columns cut, and gives spare rows to nobody")
    func layout120x40() throws {
        let screen = SnapshotFixtures.screen(Self.busy, columns: 120, rows: 40)
        let text = screen.renderedText
        let emoji = try #require(text.first { $0.hasPrefix(" k3f9-2 ") })
        #expect(emoji.contains("deploy 🚀 the thing"))
        #expect(screen.layout.visibleRows(of: .jobs) == 3)
        #expect(screen.layout.fillerLines == 40 - 3 - 10 - 3 - 1 - 1 - 1 - 1)
        #expect(text[38].contains("PgUp/PgDn page"))
    }

    @Test("channel states: ● connected, ○ disabled, ✖ error with its message under the header")
    func channelStates() throws {
        let status = SnapshotFixtures.status(channels: [
            ChannelStatus(
                name: .telegram, enabled: true, connected: false, lastError: "409 Conflict", allowlistSize: 1),
            ChannelStatus(name: .slack, enabled: true, connected: true, allowlistSize: 0, allowAll: true),
        ])
        let screen = SnapshotFixtures.screen(SnapshotFixtures.snapshot(status: status))
        let lines = screen.rendered
        #expect(lines[0].text.contains("✖ telegram") && lines[0].text.contains("● slack"))
        #expect(lines[0].segments.contains { $0.text == "✖" && $0.style == .error })
        #expect(lines[1].text.contains("✖ telegram: 409 Conflict"))
        #expect(lines[2].text.contains("SLACK_ALLOWED_USER_IDS is empty: any Slack workspace member can run claude"))
        #expect(lines[2].segments.first?.style == .warning)
    }

    @Test("jobs running unsandboxed are a warning under the header, with the reason")
    func unsandboxed() throws {
        var status = SnapshotFixtures.status()
        status.sandbox = SandboxStatus(mode: .off, reason: "bwrap not installed")
        let lines = SnapshotFixtures.screen(SnapshotFixtures.snapshot(status: status)).rendered
        let notice = try #require(lines.first { $0.text.contains("UNSANDBOXED") })
        #expect(notice.text.contains("(bwrap not installed)"))
        #expect(notice.segments.first?.style == .warning)
        let sandboxed = SnapshotFixtures.screen(SnapshotFixtures.snapshot(status: SnapshotFixtures.status())).rendered
        #expect(!sandboxed.contains { $0.text.contains("UNSANDBOXED") })
    }

    @Test("a terminal below 50×18 gets a request for a bigger one")
    func tooSmall() {
        let text = SnapshotFixtures.screen(Self.busy, columns: 40, rows: 10).renderedText
        #expect(text.count == 10)
        #expect(text.joined(separator: " ").contains("Terminal too small"))
        #expect(text.allSatisfy { DisplayWidth.of($0) == 40 })
    }

    @Test("narrow columns shrink the growing columns first and then drop the rightmost")
    func columnWidths() {
        let columns = [TableColumn("A", width: 4), TableColumn("B", width: 10, growth: 1), TableColumn("C", width: 5)]
        #expect(TableColumn.widths(of: columns, fitting: 30) == [4, 19, 5])
        #expect(TableColumn.widths(of: columns, fitting: 17) == [4, 6, 5])
        #expect(TableColumn.widths(of: columns, fitting: 12) == [4, 7, 0], "the space C leaves goes back to B")
    }
}
