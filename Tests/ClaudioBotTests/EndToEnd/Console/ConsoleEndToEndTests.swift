import Foundation
import Shared
import Testing

@testable import ClaudioBot

/// The built `claudio-tui` in tmux against the built daemon (with the fake Telegram), read off tmux's screen.
@Suite("The console through the built binaries, in tmux", .serialized)
struct ConsoleEndToEndTests {
    private let user = TelegramDaemonHarness.authorizedUser
    private let stranger = TelegramDaemonHarness.strangerUser

    private static func withConsole(
        columns: Int = 120, rows: Int = 40, daemonEnvironment: [String: String] = [:],
        _ body: @escaping @Sendable (TelegramDaemonHarness, DaemonProcess, TmuxConsole) async throws -> Void
    ) async throws {
        try await TmuxConsole.withDaemon(columns: columns, rows: rows, daemonEnvironment: daemonEnvironment, body)
    }

    private static func rows(_ screen: [String]) -> [String] { TmuxConsole.rows(screen) }

    @Test("a waiting tool request: the Approvals panel and 🔐 1 waiting appear; a then y allows it from the console")
    func approvalFromTheConsole() async throws {
        try await Self.withConsole(daemonEnvironment: ["SKIP_PERMISSIONS": "false"]) { harness, daemon, console in
            let fake = harness.fake
            try await console.waitForText("q quit")
            await fake.sendText("ASK Bash make install", from: user, username: "alice")
            let screen = try await console.waitForText("🔐 1 waiting")
            let rows = Self.rows(screen)
            let approvals = try #require(rows.firstIndex { $0.contains("Approvals (1)") })
            let jobs = try #require(rows.firstIndex { $0.contains(" Jobs (1) ") })
            #expect(approvals < jobs)
            #expect(rows.contains { $0.contains("Bash") && $0.contains("make install") && $0.contains("@alice") })

            try await console.send("a")
            try await console.waitForText("Allow Bash: make install? y/n")
            try await console.send("y")
            try await console.waitForText("Allowed the tool request")
            try await fake.waitForText("✅ Allowed by the operator", inChat: user)
            try await fake.waitForText(#""behavior":"allow""#, inChat: user)
            _ = try await console.waitForScreen("the panel gone") { rows in
                !rows.contains { $0.contains("Approvals (") } && !rows[0].contains("waiting")
            }
            let decided = try await daemon.client.approvalHistory().decisions
            #expect(decided.map(\.via) == [.console])
        }
    }

    @Test("renders at 120×40 and after a resize to 80×24; r reloads; survives the daemon's restart; q leaves a shell")
    func dashboardLifecycle() async throws {
        try await Self.withConsole { harness, daemon, console in
            // tmux may show a frame half written: wait until both its first and its last rows are there.
            let pid = daemon.pid
            var screen = try await console.waitForScreen("the first full frame") { rows in
                rows.contains { $0.contains("pid \(pid)") } && rows.contains { $0.contains("q quit") }
                    && rows.contains { $0.contains("telegram_claude_bot.lock") }
            }
            var rows = Self.rows(screen)
            #expect(rows.count == 40)
            #expect(rows[0].contains("Claudio \(ClaudioVersion.current)") && rows[0].contains("jobs 0/3"))
            #expect(rows[0].contains(" telegram") && rows[0].contains("○ slack"))
            for title in [" Jobs (0) ", " Rate limits (0) ", " Denied attempts (0) ", " History (0) ", " Locks ("] {
                #expect(rows.contains { $0.contains(title) }, "\(title) missing:\n\(rows.joined(separator: "\n"))")
            }
            #expect(rows.contains { $0.contains("telegram_claude_bot.lock") && $0.contains("yes") })
            #expect(rows[38].contains("Tab panel") && rows[38].contains("q quit"))

            try await console.resize(columns: 80, rows: 24)
            // Until the console repaints, tmux shows the old screen's bottom rows in the smaller window.
            screen = try await console.waitForScreen("the 80×24 layout") { screen in
                let rows = Self.rows(screen)
                return rows.count == 24 && rows[0].contains("pid") && rows[22].contains("q quit")
            }
            rows = Self.rows(screen)
            #expect(rows[0].contains("pid \(daemon.pid)"))
            #expect(rows.contains { $0.contains(" Jobs (0) ") } && rows.contains { $0.contains(" Locks (") })
            #expect(rows.allSatisfy { $0.count <= 80 })

            try await console.send("r")
            try await console.waitForText("Reloaded allowlists: telegram 1, slack")

            #expect(await daemon.terminate().code == 0)
            screen = try await console.waitForText("Claudio daemon not reachable at")
            #expect(screen.contains { $0.contains(daemon.socketPath) })
            #expect(screen.contains { $0.contains("retrying…") })
            #expect(!screen.contains { $0.contains(" Jobs (") })

            let restarted = try await harness.start()
            screen = try await console.waitForText("Reconnected to the daemon (pid \(restarted.pid))")
            #expect(screen[0].contains("pid \(restarted.pid)"))

            try await console.send("q")
            screen = try await console.waitForText("console-exit-0")
            #expect(!screen.contains { $0.contains("Claudio \(ClaudioVersion.current)") || $0.contains(" Jobs (") })
        }
    }

    @Test("a running job shows up, k then y kills it and the chat is told; a stranger shows up as denied")
    func killAndDenied() async throws {
        try await Self.withConsole { harness, daemon, console in
            let fake = harness.fake
            await fake.sendText("SLEEP until the operator steps in", from: user, username: "alice")
            try await console.waitForText("SLEEP until the")
            let job = try #require(try await daemon.client.jobs().jobs.first)
            var screen = try await console.waitForText("jobs 1/3")
            #expect(screen.contains { $0.contains(job.id) && $0.contains("@alice") && $0.contains("telegram") })

            try await console.send("k")
            try await console.waitForText("Kill job \(job.id)? y/n")
            try await console.send("y")
            screen = try await console.waitForText("Killed job \(job.id) (")
            try await fake.waitForText("🛑 Stopped by the administrator", inChat: user, timeout: .seconds(20))
            try await console.waitForText(" Jobs (0) ")
            screen = try await console.waitForText(" History (1) ")
            #expect(screen.contains { $0.contains("@alice") && $0.contains("killed") && $0.contains("SLEEP until") })

            await fake.sendText("let me in", from: stranger, username: "mallory")
            screen = try await console.waitForText("@mallory")
            #expect(screen.contains { row in
                row.contains(String(stranger)) && row.contains("not_allowed") && row.contains("let me in")
            })
            #expect(screen.contains { $0.contains(" Denied attempts (1) ") })

            try await console.send("q")
            try await console.waitForText("console-exit-0")
        }
    }
}
