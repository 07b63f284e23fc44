import FakeTelegram
import Foundation
import Glibc
import Shared
import Testing

@testable import ClaudioBot

/// The console's second edition (SPEC §17) through the built binaries in tmux: a job's page and the panel filter.
@Suite("The console's job page and filter through the built binaries, in tmux", .serialized)
struct ConsoleJobPageEndToEndTests {
    private let user = TelegramDaemonHarness.authorizedUser

    @Test("Enter shows the job's processes and activity; k then y from the page leaves none of them; Esc returns")
    func jobPage() async throws {
        try await TmuxConsole.withDaemon(daemonEnvironment: ["JOB_SANDBOX": "off"]) { harness, daemon, console in
            await harness.fake.sendText("TREE", from: user, username: "alice")
            try await console.waitForText("jobs 1/3")
            let job = try #require(try await daemon.client.jobs().jobs.first)

            try await console.send("Enter")
            // tmux may show a frame half written: wait until the tree, drawn like htop's, and the activity are there.
            let screen = try await console.waitForScreen("the job's page with its tree and activity") { rows in
                rows.contains { $0.contains("Job \(job.id) · @alice · running") }
                    && rows.count { $0.hasSuffix("sleep 1000") } == 3
                    && rows.contains { $0.contains("└─ sleep 1000") }
                    && rows.contains { $0.contains("fake-claude") }
                    && rows.contains { $0.contains("Activity (1, newest last)") }
                    && rows.contains { $0.contains("Bash: setsid sleep 1000 & setsid sh -c 'sleep 1000 &'") }
            }
            #expect(screen.contains { $0.contains("User        @alice (\(user))") })
            #expect(screen.contains { $0.contains("Sandboxed   no") })
            #expect(screen.contains { $0.contains("   TREE") }, "the whole prompt")
            let tree = try await daemon.client.job(id: job.id).tree
            for process in tree {
                #expect(screen.contains { $0.contains(" \(process.pid) ") }, "pid \(process.pid) not on the page")
            }

            try await console.send("k")
            try await console.waitForText("Kill job \(job.id)? y/n")
            try await console.send("y")
            try await console.waitForText("Killed job \(job.id) (")
            try await console.waitForText("■ Ended: killed after")
            try await console.waitForText("No processes left.")
            let pids = tree.map { pid_t($0.pid) }
            #expect(pids.allSatisfy { ProcStat.read(pid: $0)?.isLive != true }, "the kill left processes running")

            try await console.send("Escape")
            let panels = try await console.waitForScreen("the panels again") { rows in
                rows.contains { $0.contains(" Jobs (0) ") } && rows.contains { $0.contains(" History (1) ") }
            }
            #expect(!panels.contains { $0.contains("Job \(job.id) ·") })
        }
    }

    @Test("/ filters the Denied panel as typed, the filter shows in its title; Esc clears it")
    func filterDenied() async throws {
        try await TmuxConsole.withDaemon { harness, _, console in
            await harness.fake.sendText("let me in", from: 99, username: "mallory")
            await harness.fake.sendText("knock knock", from: 98, username: "trudy")
            try await console.waitForText(" Denied attempts (2) ")
            try await console.send("Tab", "Tab", "/", "T", "r", "u")
            var screen = try await console.waitForText("Denied attempts (1 of 2) / Tru▏")
            #expect(screen.contains { $0.contains("@trudy") && $0.contains("knock knock") })
            #expect(!screen.contains { $0.contains("@mallory") })

            try await console.send("Enter")
            screen = try await console.waitForText("Denied attempts (1 of 2) / Tru ")
            #expect(!screen.contains { $0.contains("@mallory") })
            try await console.send("Escape")
            screen = try await console.waitForText(" Denied attempts (2) ")
            #expect(screen.contains { $0.contains("@mallory") } && screen.contains { $0.contains("@trudy") })
        }
    }
}
