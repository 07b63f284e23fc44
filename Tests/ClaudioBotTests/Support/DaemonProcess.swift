import Foundation
import Glibc
import Shared
import Synchronization

@testable import ClaudioBot

/// A `claudio run` started from the built binary for an end-to-end test, in its own scratch directory (state, lock
/// dir, admin socket and workspace), stopped by PID.
final class DaemonProcess: Sendable {
    let directory: ScratchDirectory
    let process: LaunchedProcess
    let environment: [String: String]
    private let log = Mutex("")
    /// Whether stderr reached EOF: everything the daemon wrote is in `log`.
    private let logEnded = Mutex(false)

    var socketPath: String { environment["CLAUDIO_ADMIN_SOCKET"]! }
    var lockDirectory: String { environment["CLAUDIO_LOCK_DIR"]! }
    var pid: Int32 { process.pid }
    /// Everything the daemon wrote to stderr so far.
    var stderr: String { log.withLock { $0 } }
    var client: AdminClient { AdminClient(socketPath: socketPath) }

    /// The environment a test daemon runs with: its files in `directory`, the fake claude (its variables passed
    /// through, its record directory writable in a sandbox), no real network.
    static func environment(in directory: ScratchDirectory, fake: FakeClaude, extra: [String: String]) -> [String: String] {
        var environment = fake.environment
        environment.merge([
            "HOME": directory.path, "CLAUDIO_STATE_DIR": directory.path + "/state",
            "CLAUDIO_ADMIN_SOCKET": directory.path + "/run/admin.sock", "CLAUDIO_LOCK_DIR": directory.path,
            "WORKSPACE_PATH": directory.path, "CLAUDE_CLI_PATH": FakeClaude.path, "LOG_LEVEL": "debug",
            "IS_SANDBOX": "1", "JOB_ENV_PASSTHROUGH": FakeClaude.passthrough,
            // The fake claude writes down what it saw; a sandboxed job may write there only when told so.
            "JOB_SANDBOX_RW": fake.record.path,
        ]) { $1 }
        environment.merge(extra) { $1 }
        return environment
    }

    /// Starts `claudio run` (plus `arguments`) in `directory` with exactly `environment`.
    /// - Parameter runner: a command that execs the rest of its arguments (e.g. `setpriv --reuid=…`), so the PID
    ///   is still the daemon's; empty runs `claudio` directly.
    init(
        directory: ScratchDirectory, environment: [String: String], arguments: [String] = [], runner: [String] = []
    ) throws {
        self.directory = directory
        self.environment = environment
        let command = runner + [ClaudioBinary.path, "run"] + arguments
        process = try TestReaper.launcher.launch(
            LaunchRequest(
                executablePath: command[0], arguments: Array(command.dropFirst()), environment: environment,
                workingDirectory: directory.path, standardInput: .nullDevice, standardOutput: .capture,
                standardError: .capture))
        let stream = process.standardError
        Task { [self] in
            for await chunk in stream {
                log.withLock { $0 += String(decoding: chunk, as: UTF8.self) }
            }
            logEnded.withLock { $0 = true }
        }
        let output = process.standardOutput
        Task { for await _ in output {} }
    }

    /// Waits until the log contains `text` (e.g. "ready"), or the timeout passes.
    @discardableResult
    func waitForLog(_ text: String, timeout: Duration = .seconds(30)) async -> Bool {
        await ProcessLiveness.waitUntil(timeout: timeout) { self.stderr.contains(text) }
    }

    /// Waits until the daemon says it is ready; false when it exited or timed out first.
    func waitUntilReady(timeout: Duration = .seconds(30)) async -> Bool {
        await ProcessLiveness.waitUntil(timeout: timeout) { self.stderr.contains(" ready: ") || self.process.exitStatus != nil }
            && process.exitStatus == nil
    }

    /// Waits for the exit status and for the rest of what the daemon wrote to stderr: the pipe is read on its own, so
    /// its last lines can arrive after the exit is known.
    func waitForExit() async -> ClaudioBot.ExitStatus {
        let status = await process.waitForExit()
        // A process the daemon left behind could hold the pipe open; the log then stays as it is.
        _ = await ProcessLiveness.waitUntil(timeout: .seconds(10)) { self.logEnded.withLock { $0 } }
        return status
    }

    /// Sends SIGTERM and waits for the exit status (and the whole log).
    func terminate() async -> ClaudioBot.ExitStatus {
        _ = process.signal(SIGTERM)
        return await waitForExit()
    }

    /// Kills the daemon with SIGKILL, as a crash, the OOM killer or a power cut would: nothing is flushed, no chat is
    /// told, the lock and the socket file stay behind.
    func crash() async {
        _ = process.signal(SIGKILL)
        _ = await process.waitForExit()
    }

    /// Makes sure the daemon is gone (SIGKILL after a grace), for `defer`.
    func stop() async {
        if process.exitStatus == nil {
            _ = process.signal(SIGTERM)
            let exited = await ProcessLiveness.waitUntil(timeout: .seconds(10)) { self.process.exitStatus != nil }
            if !exited { _ = process.signal(SIGKILL) }
        }
        _ = await process.waitForExit()
    }
}
