import Foundation
import Glibc

@testable import ClaudioBot

/// The built `claudio-tui` running in a private tmux server, for end-to-end tests that look at the screen the
/// operator sees.
///
/// The server has a socket name of its own (`tmux -L`) under a scratch `TMUX_TMPDIR`, runs in the foreground
/// (`-D`) as a child of the test so it is stopped by its PID, and reads no configuration. Its one window runs `sh`,
/// which starts the console and, once the console exits, prints `console-exit-<status>` and stays as a shell.
final class TmuxConsole: Sendable {
    static let consolePath = URL(fileURLWithPath: ClaudioBinary.path).deletingLastPathComponent()
        .appendingPathComponent("claudio-tui").path
    static let tmuxPath = "/usr/bin/tmux"

    let socketName: String
    let directory: ScratchDirectory
    let server: LaunchedProcess
    private let environment: [String: String]

    /// Starts the tmux server and, in a `columns`×`rows` window, `claudio-tui --socket socketPath` plus `arguments`.
    init(socketPath: String, columns: Int, rows: Int, arguments: [String] = []) async throws {
        directory = try ScratchDirectory()
        socketName = "claudio-console-\(getpid())-\(UUID().uuidString.prefix(8))"
        environment = [
            "PATH": "/usr/bin:/bin", "HOME": directory.path, "LANG": "C.UTF-8", "TMUX_TMPDIR": directory.path,
            "SHELL": "/bin/sh",
        ]
        server = try TestReaper.launcher.launch(
            LaunchRequest(
                executablePath: Self.tmuxPath, arguments: ["-L", socketName, "-f", "/dev/null", "-D"],
                environment: environment, workingDirectory: directory.path, standardInput: .nullDevice,
                standardOutput: .nullDevice, standardError: .nullDevice))
        let command = ([Self.consolePath, "--socket", socketPath] + arguments).map(Self.quoted).joined(separator: " ")
        let script = "\(command); echo console-exit-$?; exec /bin/sh"
        var started = false
        // The server needs a moment to create its socket; until then new-session fails (with -N it never starts a
        // server of its own, which would be a child of the probe and swept away with it).
        for _ in 0..<100 where !started {
            let result = try await tmux(
                ["new-session", "-d", "-s", "console", "-x", String(columns), "-y", String(rows), "/bin/sh", "-c",
                 script])
            started = result.status.code == 0
            if !started { try await Task.sleep(for: .milliseconds(50)) }
        }
        if !started { await stop() }
        guard started else { throw TmuxFailure(what: "new-session never succeeded") }
    }

    /// Runs one tmux command against this server.
    @discardableResult
    func tmux(_ arguments: [String]) async throws -> ProbeResult {
        let probe = CommandProbe(launcher: TestReaper.launcher, timeout: .seconds(10))
        return try await probe.run(
            Self.tmuxPath, arguments: ["-L", socketName, "-f", "/dev/null", "-N"] + arguments,
            environment: environment, workingDirectory: directory.path)
    }

    /// The window's text now, one string per row, trailing spaces trimmed by tmux.
    func screen() async throws -> [String] {
        let result = try await tmux(["capture-pane", "-p", "-t", "console"])
        guard result.status.code == 0 else {
            throw TmuxFailure(what: "capture-pane failed: \(result.standardErrorText)")
        }
        return result.standardOutputText.components(separatedBy: "\n")
    }

    /// Polls the screen (tmux raises no event for a redraw) until `condition` holds; returns the last screen seen.
    @discardableResult
    func waitForScreen(
        timeout: Duration = .seconds(20), _ what: String, _ condition: @Sendable ([String]) -> Bool
    ) async throws -> [String] {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        var last: [String] = []
        while ContinuousClock.now < deadline {
            last = try await screen()
            if condition(last) { return last }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw TmuxFailure(what: "timed out waiting for \(what); screen:\n" + last.joined(separator: "\n"))
    }

    /// Waits until some row contains `text`.
    @discardableResult
    func waitForText(_ text: String, timeout: Duration = .seconds(20)) async throws -> [String] {
        try await waitForScreen(timeout: timeout, "\"\(text)\"") { rows in rows.contains { $0.contains(text) } }
    }

    /// Types keys as tmux names them: "q", "Tab", "Down", "F9".
    func send(_ keys: String...) async throws {
        try await tmux(["send-keys", "-t", "console"] + keys)
    }

    func resize(columns: Int, rows: Int) async throws {
        try await tmux(["resize-window", "-t", "console", "-x", String(columns), "-y", String(rows)])
    }

    /// Kills the tmux server and what ran in its window (the console gets SIGHUP), by PID when asking is not enough.
    func stop() async {
        let windowProcesses = await windowProcesses()
        _ = try? await tmux(["kill-server"])
        let exited = await ProcessLiveness.waitUntil(timeout: .seconds(5)) { self.server.exitStatus != nil }
        if !exited { _ = server.signal(SIGKILL) }
        _ = await server.waitForExit()
        let gone = await ProcessLiveness.waitUntil(timeout: .seconds(5)) {
            !windowProcesses.contains(where: ProcessLiveness.isAlive)
        }
        if !gone {
            for process in windowProcesses where ProcessLiveness.isAlive(process) { kill(process.pid, SIGKILL) }
        }
        directory.remove()
    }

    /// The window's shell and everything under it (the console), identified by PID and start time.
    private func windowProcesses() async -> [ProcessIdentity] {
        guard let result = try? await tmux(["display-message", "-p", "-t", "console", "#{pane_pid}"]),
            let shell = pid_t(result.standardOutputText.trimmingCharacters(in: .whitespacesAndNewlines))
        else { return [] }
        let table = ProcessTable.scan()
        var found: [ProcessIdentity] = []
        var pending = [shell]
        while let pid = pending.popLast() {
            guard let stat = table.processes[pid] else { continue }
            found.append(stat.identity)
            pending += table.children(of: pid)
        }
        return found
    }

    private static func quoted(_ argument: String) -> String {
        "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    struct TmuxFailure: Error, CustomStringConvertible {
        var what: String
        var description: String { what }
    }
}
