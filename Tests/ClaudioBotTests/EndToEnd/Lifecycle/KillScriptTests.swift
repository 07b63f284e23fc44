import Foundation
import Glibc
import Testing

@testable import ClaudioBot

/// `scripts/kill_bot_processes.sh` against the built daemon and against lock files in every state it can find them
/// in (SPEC §8): a lock is live while someone holds its flock, stale only when nobody does.
@Suite("kill_bot_processes.sh", .serialized)
struct KillScriptTests {
    static let script = URL(fileURLWithPath: ClaudioBinary.path).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/kill_bot_processes.sh").path

    let files: DaemonTestFiles
    var directory: ScratchDirectory { files.directory }
    var telegramLock: String { directory.path + "/telegram_claude_bot.lock" }
    var slackLock: String { directory.path + "/slack_claude_bot.lock" }

    init() throws {
        files = try DaemonTestFiles()
    }

    func runScript() async throws -> ProbeResult {
        let probe = CommandProbe(launcher: TestReaper.launcher, timeout: .seconds(30))
        return try await probe.run(
            "/bin/bash", arguments: [Self.script],
            environment: ["PATH": "/usr/bin:/bin", "CLAUDIO_LOCK_DIR": directory.path, "PID_WAIT_TENTHS": "5"],
            workingDirectory: directory.path)
    }

    func startDaemon() throws -> DaemonProcess {
        try DaemonProcess(directory: directory, environment: files.environment())
    }

    /// Holds `path`'s flock from this process, as a daemon does, until the descriptor is closed.
    func hold(_ path: String, writing text: String) throws -> Int32 {
        let descriptor = open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0, flock(descriptor, LOCK_EX | LOCK_NB) == 0 else { throw POSIXError(.EBUSY) }
        _ = write(descriptor, text, text.utf8.count)
        return descriptor
    }

    @Test("stops the daemon holding the lock; the daemon's lock file is gone afterwards")
    func stopsTheDaemon() async throws {
        defer { files.remove() }
        let daemon = try startDaemon()
        defer { Task { await daemon.stop() } }
        #expect(await daemon.waitUntilReady(), "\(daemon.stderr)")
        let stopped = try await runScript()
        #expect(stopped.status.code == 0, "\(stopped.standardErrorText)")
        #expect(await daemon.waitForExit().code == 0)
        #expect(!FileManager.default.fileExists(atPath: telegramLock))
    }

    @Test("an unlocked lock file is stale whatever PID it names: removed, and the process it names is spared")
    func staleFilesRemoved() async throws {
        defer { files.remove() }
        let bystander = try TestReaper.launcher.launch(LaunchRequest(executablePath: "/bin/sleep", arguments: ["30"]))
        defer { _ = bystander.signal(SIGKILL) }
        try "\(bystander.pid)\n".write(toFile: telegramLock, atomically: true, encoding: .utf8)
        try "999999999\n".write(toFile: slackLock, atomically: true, encoding: .utf8)
        let result = try await runScript()
        #expect(result.status.code == 0, "\(result.standardErrorText)")
        #expect(bystander.exitStatus == nil)
        #expect(!FileManager.default.fileExists(atPath: telegramLock))
        #expect(!FileManager.default.fileExists(atPath: slackLock))
        _ = bystander.signal(SIGKILL)
        _ = await bystander.waitForExit()
    }

    @Test("a held lock naming a process that is not `claudio run` is kept, and that process spared")
    func heldByAnotherProgram() async throws {
        defer { files.remove() }
        let bystander = try TestReaper.launcher.launch(LaunchRequest(executablePath: "/bin/sleep", arguments: ["30"]))
        defer { _ = bystander.signal(SIGKILL) }
        let held = try hold(telegramLock, writing: "\(bystander.pid)\n")
        defer { close(held) }
        let result = try await runScript()
        #expect(result.status.code == 1)
        #expect(result.standardErrorText.contains("is not a 'claudio run' process"))
        #expect(bystander.exitStatus == nil)
        #expect(FileManager.default.fileExists(atPath: telegramLock))
        _ = bystander.signal(SIGKILL)
        _ = await bystander.waitForExit()
    }

    @Test("an empty lock file someone holds — a daemon between flock and writing its PID — is never removed")
    func emptyButHeld() async throws {
        defer { files.remove() }
        let held = try hold(telegramLock, writing: "")
        let result = try await runScript()
        #expect(result.status.code == 1)
        #expect(result.standardErrorText.contains("names no PID yet"))
        #expect(FileManager.default.fileExists(atPath: telegramLock))
        close(held)
        let later = try await runScript()
        #expect(later.status.code == 0)
        #expect(!FileManager.default.fileExists(atPath: telegramLock), "once nobody holds it, it is stale")
    }

    @Test("run while a daemon starts: the daemon is stopped or keeps its locked file, never runs without it")
    func raceWithStartingDaemon() async throws {
        defer { files.remove() }
        let daemon = try startDaemon()
        defer { Task { await daemon.stop() } }
        // Again and again through the start, until the script finds the PID and stops the daemon.
        while daemon.process.exitStatus == nil, !daemon.stderr.contains(" ready: ") {
            _ = try await runScript()
        }
        if await daemon.waitUntilReady(timeout: .seconds(10)) {
            let lock = InstanceLock.inspect(channel: .telegram, directory: directory.path)
            #expect(lock.held && lock.holderPID == Int(daemon.pid), "a running daemon lost its lock:\n\(daemon.stderr)")
        }
    }

    @Test("a symbolic link at a lock path is left alone")
    func symbolicLinkLeftAlone() async throws {
        defer { files.remove() }
        let target = directory.path + "/elsewhere"
        try "x".write(toFile: target, atomically: true, encoding: .utf8)
        symlink(target, telegramLock)
        let result = try await runScript()
        #expect(result.status.code == 1)
        #expect(FileManager.default.fileExists(atPath: target))
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: telegramLock)) == target)
    }
}
