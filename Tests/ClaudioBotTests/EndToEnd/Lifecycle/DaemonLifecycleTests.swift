import Foundation
import Glibc
import Shared
import Testing

@testable import ClaudioBot

@Suite("Daemon lifecycle through the built binary: admin API, locks, reload, shutdown", .serialized)
struct DaemonLifecycleTests {
    let files: DaemonTestFiles
    var directory: ScratchDirectory { files.directory }

    init() throws {
        files = try DaemonTestFiles()
    }

    func cleanup() {
        files.remove()
    }

    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        files.environment(extra)
    }

    func start(_ extra: [String: String] = [:], envFile: String? = nil) async throws -> DaemonProcess {
        let arguments = envFile.map { ["--env-file", $0] } ?? []
        let daemon = try DaemonProcess(directory: directory, environment: environment(extra), arguments: arguments)
        let ready = await daemon.waitUntilReady()
        #expect(ready, "daemon did not become ready:\n\(daemon.stderr)")
        return daemon
    }

    /// Runs a scripting command of the built binary against the daemon's socket.
    func cli(_ arguments: [String], socket: String) async throws -> ProbeResult {
        try await ClaudioBinary.run(arguments + ["--socket", socket], environment: ["PATH": "/usr/bin:/bin"], in: directory.path)
    }

    @Test("every endpoint answers over the Unix socket with the contract's shapes")
    func endpoints() async throws {
        defer { cleanup() }
        let daemon = try await start()
        defer { Task { await daemon.stop() } }
        let client = daemon.client

        let status = try await client.status()
        #expect(status.pid == Int(daemon.pid))
        #expect(status.limits.rateLimitRequests == 10)
        #expect(status.locks.first { $0.channel == .telegram }?.held == true)
        #expect(status.locks.first { $0.channel == .telegram }?.holderPID == Int(daemon.pid))
        #expect(status.claudeCLI.version == "9.9.9 (Fake Claude Code)")
        #expect(try await client.jobs().jobs.isEmpty)
        #expect(try await client.rateLimits().rateLimits.isEmpty)
        #expect(try await client.denied(limit: 5).denied.isEmpty)
        let snapshot = try await client.snapshot()
        #expect(snapshot.status.pid == status.pid)
        await #expect(throws: AdminClientError.refused(status: 404, message: "unknown job: nope")) {
            try await client.kill(jobID: "nope")
        }
        let reload = try await client.reload()
        #expect(reload.telegram.size == 1 && reload.telegram.source == .environment)

        let attributes = try FileManager.default.attributesOfItem(atPath: daemon.socketPath)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(await daemon.terminate().code == 0)
    }

    @Test("the scripting CLI: tables, --json, exit 1 for an unknown job, exit 2 without a daemon")
    func scriptingCLI() async throws {
        defer { cleanup() }
        let daemon = try await start()
        defer { Task { await daemon.stop() } }

        let status = try await cli(["status"], socket: daemon.socketPath)
        #expect(status.status.code == 0)
        #expect(status.standardOutputText.contains("pid \(daemon.pid)"))
        let json = try await cli(["jobs", "--json"], socket: daemon.socketPath)
        #expect(json.status.code == 0)
        #expect(json.standardOutputText.trimmingCharacters(in: .whitespacesAndNewlines) == #"{"jobs":[]}"#)
        let kill = try await cli(["kill", "no-such-job"], socket: daemon.socketPath)
        #expect(kill.status.code == 1)
        #expect(kill.standardErrorText.contains("unknown job"))
        let reload = try await cli(["reload"], socket: daemon.socketPath)
        #expect(reload.standardOutputText.contains("Reloaded allowlists: telegram 1"))
        let denied = try await cli(["denied", "--limit", "5"], socket: daemon.socketPath)
        #expect(denied.status.code == 0)
        let unreachable = try await cli(["status"], socket: directory.path + "/nowhere.sock")
        #expect(unreachable.status.code == 2)
    }

    @Test("a second daemon exits 1 naming the first's PID; after kill -9 of the first a new one starts")
    func instanceLock() async throws {
        defer { cleanup() }
        let first = try await start()
        defer { Task { await first.stop() } }
        let secondDirectory = try ScratchDirectory()
        defer { secondDirectory.remove() }
        var environment = environment()
        environment["CLAUDIO_STATE_DIR"] = secondDirectory.path + "/state"
        environment["CLAUDIO_ADMIN_SOCKET"] = secondDirectory.path + "/admin.sock"
        let second = try DaemonProcess(directory: directory, environment: environment)
        let status = await second.waitForExit()
        #expect(status.code == 1)
        #expect(second.stderr.contains("another Claudio instance is already running (PID \(first.pid)"))

        _ = first.process.signal(SIGKILL)
        _ = await first.waitForExit()
        let third = try await start()
        defer { Task { await third.stop() } }
        #expect(try await third.client.status().pid == Int(third.pid))
        #expect(await third.terminate().code == 0)
    }

    @Test("SIGTERM exits 0 and removes the socket and lock files")
    func cleanShutdown() async throws {
        defer { cleanup() }
        let daemon = try await start()
        let lock = daemon.lockDirectory + "/telegram_claude_bot.lock"
        #expect(FileManager.default.fileExists(atPath: lock))
        let status = await daemon.terminate()
        #expect(status.code == 0)
        #expect(!FileManager.default.fileExists(atPath: daemon.socketPath))
        #expect(!FileManager.default.fileExists(atPath: lock))
    }

    @Test("reload applies a changed env file; an invalid file is refused with 422 and the old list stays")
    func reload() async throws {
        defer { cleanup() }
        let envFile = directory.path + "/claudio.env"
        try "TELEGRAM_BOT_TOKEN=123:lifecycle-token\nALLOWED_USER_IDS=42\n".write(
            toFile: envFile, atomically: true, encoding: .utf8)
        var environment = environment()
        environment["TELEGRAM_BOT_TOKEN"] = nil
        environment["ALLOWED_USER_IDS"] = nil
        let daemon = try DaemonProcess(directory: directory, environment: environment, arguments: ["--env-file", envFile])
        defer { Task { await daemon.stop() } }
        #expect(await daemon.waitUntilReady())

        try "TELEGRAM_BOT_TOKEN=123:lifecycle-token\nALLOWED_USER_IDS=42,43,44\nSLACK_ALLOWED_USER_IDS=U1ABC\n".write(
            toFile: envFile, atomically: true, encoding: .utf8)
        let reloaded = try await daemon.client.reload()
        #expect(reloaded.telegram == TelegramAllowlistSummary(size: 3, source: .file))
        #expect(reloaded.slack == SlackAllowlistSummary(size: 1, allowAll: false, source: .file))

        try "ALLOWED_USER_IDS=42,bob\n".write(toFile: envFile, atomically: true, encoding: .utf8)
        do {
            _ = try await daemon.client.reload()
            Issue.record("an invalid file must be refused")
        } catch let error as AdminClientError {
            guard case .refused(let status, let message) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(status == 422)
            #expect(message.contains("\"bob\""))
        }
        let status = try await daemon.client.status()
        #expect(status.channels.first { $0.name == .telegram }?.allowlistSize == 3)

        _ = kill(daemon.pid, SIGHUP)
        #expect(await daemon.waitForLog("SIGHUP: "))
    }

    @Test("a reload that would open a restricted Slack list to everyone is refused (422, CLI exit 1, SIGHUP too)")
    func reloadCannotOpenSlack() async throws {
        defer { cleanup() }
        let envFile = directory.path + "/claudio.env"
        try "SLACK_ALLOWED_USER_IDS=U0ALICE\n".write(toFile: envFile, atomically: true, encoding: .utf8)
        let slack = [
            "SLACK_BOT_TOKEN": "xoxb-1-reload", "SLACK_APP_TOKEN": "xapp-1-reload", "SLACK_API_BASE_URL": "http://127.0.0.1:9",
        ]
        let daemon = try await start(slack, envFile: envFile)
        defer { Task { await daemon.stop() } }

        try "# SLACK_ALLOWED_USER_IDS=U0ALICE\n".write(toFile: envFile, atomically: true, encoding: .utf8)
        do {
            _ = try await daemon.client.reload()
            Issue.record("a reload to everyone must be refused")
        } catch AdminClientError.refused(let status, let message) {
            #expect(status == 422)
            #expect(message.contains("SLACK_ALLOWED_USER_IDS is empty in \(envFile)"))
            #expect(message.contains("restart Claudio"))
        }
        let reload = try await cli(["reload"], socket: daemon.socketPath)
        #expect(reload.status.code == 1)
        #expect(reload.standardErrorText.contains("Reload refused"))
        _ = kill(daemon.pid, SIGHUP)
        #expect(await daemon.waitForLog("SIGHUP: Reload refused"))
        let slackStatus = try await daemon.client.status().channels.first { $0.name == .slack }
        #expect(slackStatus?.allowlistSize == 1 && slackStatus?.allowAll == false)

        try "SLACK_ALLOWED_USER_IDS=U0ALICE,U0BOB\n".write(toFile: envFile, atomically: true, encoding: .utf8)
        #expect(try await daemon.client.reload().slack == SlackAllowlistSummary(size: 2, allowAll: false, source: .file))
    }

    @Test("another user cannot use the admin socket")
    func otherUserRefused() async throws {
        defer { cleanup() }
        guard getuid() == 0, ExecutableLocator.locate("runuser", searchPath: "/usr/sbin:/usr/bin:/sbin:/bin") != nil,
            ExecutableLocator.locate("curl", searchPath: "/usr/bin:/bin") != nil
        else { return }
        let daemon = try await start()
        defer { Task { await daemon.stop() } }
        let runuser = ExecutableLocator.locate("runuser", searchPath: "/usr/sbin:/usr/bin:/sbin:/bin")!
        let probe = CommandProbe(launcher: TestReaper.launcher, timeout: .seconds(20))
        let result = try await probe.run(
            runuser,
            arguments: ["-u", "nobody", "--", "curl", "-sS", "--unix-socket", daemon.socketPath, "http://localhost/v1/status"],
            environment: ["PATH": "/usr/bin:/bin"])
        #expect(result.status.code != 0)
        #expect(!result.standardOutputText.contains("\"pid\""))
    }
}
