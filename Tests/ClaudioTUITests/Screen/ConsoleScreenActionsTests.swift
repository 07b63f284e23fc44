import Shared
import Testing

@testable import ClaudioTUI

@Suite("Console screen: kill confirmation, reload, help, unreachable daemon")
struct ConsoleScreenActionsTests {
    static let twoJobs = SnapshotFixtures.snapshot(jobs: [SnapshotFixtures.job(1), SnapshotFixtures.job(2)])

    @Test("k asks \"Kill job ID? y/n\" on the status line; y asks the app to kill that job")
    func killConfirmed() {
        var screen = SnapshotFixtures.screen(Self.twoJobs)
        screen.press(.down)
        #expect(screen.press(.character("k")) == nil)
        #expect(screen.statusLineText.hasPrefix(" Kill job k3f9-2? y/n"))
        #expect(screen.rendered.last?.segments.first?.style == .warning)

        #expect(screen.press(.character("y")) == .kill(jobID: "k3f9-2"))
        #expect(screen.statusLineText.hasPrefix(" Killing job k3f9-2…"))
        screen.show(.kill(jobID: "k3f9-2", outcome: .success(KillResponse(id: "k3f9-2", processes: 3))))
        #expect(screen.statusLineText.hasPrefix(" Killed job k3f9-2 (3 processes)"))
        #expect(screen.rendered.last?.segments.first?.style == .ok)
    }

    @Test("F9 asks too; any key but y cancels without killing")
    func killCancelled() {
        var screen = SnapshotFixtures.screen(Self.twoJobs)
        screen.press(.function(9))
        #expect(screen.state.prompt == .killJob(id: "k3f9-1"))
        #expect(screen.press(.character("n")) == nil)
        #expect(screen.state.prompt == nil)
        #expect(screen.statusLineText.hasPrefix(" Kill of job k3f9-1 cancelled"))
        screen.press(.character("k"))
        #expect(screen.press(.character("q")) == nil, "q answers the question, it does not quit")
    }

    @Test("a failed kill shows the daemon's reason; a kill outside the Jobs panel or without jobs asks nothing")
    func killRefusals() {
        let refused = StatusMessage.kill(
            jobID: "k3f9-9", outcome: .failure(AdminClientError.refused(status: 404, message: "unknown job: k3f9-9")))
        #expect(refused == StatusMessage("Could not kill job k3f9-9: unknown job: k3f9-9", tone: .failure))
        #expect(
            StatusMessage.kill(jobID: "x", outcome: .success(KillResponse(id: "x", processes: 1))).text
                == "Killed job x (1 process)")

        var screen = SnapshotFixtures.screen(Self.twoJobs)
        screen.press(.tab, .character("k"))
        #expect(screen.state.prompt == nil)
        #expect(screen.state.focus == .jobs)
        #expect(screen.statusLineText.contains("Select the job to kill in the Jobs panel"))

        var empty = SnapshotFixtures.screen(SnapshotFixtures.snapshot())
        empty.press(.character("k"))
        #expect(empty.state.prompt == nil)
        #expect(empty.statusLineText.hasPrefix(" No job to kill"))
    }

    @Test("a pending kill is withdrawn when its job finishes before the answer")
    func killOfFinishedJob() {
        var screen = SnapshotFixtures.screen(Self.twoJobs)
        screen.press(.character("k"))
        screen.receive(SnapshotFixtures.snapshot(jobs: [SnapshotFixtures.job(2)]))
        #expect(screen.state.prompt == nil)
        #expect(screen.statusLineText.hasPrefix(" Job k3f9-1 has already finished"))
    }

    @Test("r asks for a reload and the status line shows the lists now in force")
    func reload() {
        var screen = SnapshotFixtures.screen(SnapshotFixtures.snapshot())
        #expect(screen.press(.character("r")) == .reload)
        #expect(screen.statusLineText.hasPrefix(" Reloading allowlists…"))
        let everyone = ReloadResponse(
            telegram: TelegramAllowlistSummary(size: 3, source: .file),
            slack: SlackAllowlistSummary(size: 0, allowAll: true, source: .file))
        screen.show(.reload(outcome: .success(everyone)))
        #expect(screen.statusLineText.hasPrefix(" Reloaded allowlists: telegram 3, slack all"))
        let listed = ReloadResponse(
            telegram: TelegramAllowlistSummary(size: 1, source: .environment),
            slack: SlackAllowlistSummary(size: 2, allowAll: false, source: .file))
        #expect(StatusMessage.reload(outcome: .success(listed)).text == "Reloaded allowlists: telegram 1, slack 2")
        let invalid = StatusMessage.reload(
            outcome: .failure(AdminClientError.refused(status: 422, message: "ALLOWED_USER_IDS: bob is not numeric")))
        #expect(invalid.text == "Could not reload the allowlists: ALLOWED_USER_IDS: bob is not numeric")
        #expect(invalid.tone == .failure)
    }

    @Test("? opens the help over the panels and any key closes it; q in the help still quits")
    func help() {
        var screen = SnapshotFixtures.screen(Self.twoJobs)
        #expect(screen.press(.character("?")) == nil)
        var text = screen.renderedText
        #expect(text.count == 24)
        #expect(text.contains { $0.contains("Claudio console — keys") })
        #expect(text.contains { $0.contains("kill the selected job (asks y/n)") })
        #expect(text.contains { $0.contains("Socket: \(SnapshotFixtures.socketPath)") })
        #expect(!text.contains { $0.contains("Rate limits") })
        #expect(text[0].contains("Claudio 0.1.0"))

        screen.press(.down)
        text = screen.renderedText
        #expect(!text.contains { $0.contains("Claudio console — keys") })
        #expect(screen.selectedJob?.id == "k3f9-1", "the key that closes the help does nothing else")

        screen.press(.function(1))
        #expect(screen.state.showsHelp)
        #expect(screen.press(.character("q")) == .quit)
    }

    @Test("an unreachable daemon fills the screen with the socket path and the reason, then recovers by itself")
    func unreachable() {
        var screen = SnapshotFixtures.screen(Self.twoJobs, columns: 120, rows: 40)
        screen.receiveFailure(reason: "no socket there (is `claudio run` running?)")
        let text = screen.renderedText
        #expect(text.count == 40)
        #expect(text.allSatisfy { DisplayWidth.of($0) == 120 })
        #expect(
            text.contains { $0.contains("Claudio daemon not reachable at \(SnapshotFixtures.socketPath) — retrying…") })
        #expect(text.contains { $0.contains("no socket there (is `claudio run` running?)") })
        #expect(!text.contains { $0.contains("Jobs (") })
        #expect(text[38].contains("q quit") && !text[38].contains("kill"))

        screen.receive(Self.twoJobs)
        #expect(screen.renderedText.contains { $0.contains(" Jobs (2) ") })
        #expect(screen.statusLineText.hasPrefix(" Reconnected to the daemon (pid 4242)"))
    }

    @Test("before the first answer the screen says it is connecting")
    func connecting() {
        let screen = SnapshotFixtures.screen(nil)
        #expect(screen.renderedText.contains { $0.contains("Connecting to the Claudio daemon at ") })
    }
}
