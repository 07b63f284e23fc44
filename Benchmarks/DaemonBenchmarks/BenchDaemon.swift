import FakeTelegram
import Foundation
import Shared
import Synchronization

/// A release `claudio run` against the fake Telegram server and the bench claude, in its own directory; its log goes
/// to `<directory>/claudio.log`. Stopped by PID.
final class BenchDaemon: Sendable {
    let directory: BenchDirectory
    let pid: pid_t
    /// Just before the spawn.
    let spawnedAt: ContinuousClock.Instant
    /// Set once the process is reaped: its PID may then name another process.
    private let reaped = Mutex(false)

    var socketPath: String { directory.path + "/run/admin.sock" }
    var logPath: String { directory.path + "/claudio.log" }
    var databasePath: String { directory.path + "/state/claudio.sqlite" }
    /// Where the bench claude notes its starts and process trees.
    var claudeLog: String { directory.path + "/claude" }
    var client: AdminClient { AdminClient(socketPath: socketPath) }

    /// - Parameter settings: environment entries on top of the defaults below (allowlist, limits…).
    init(telegram: FakeTelegramServer, settings: [String: String] = [:]) throws {
        directory = try BenchDirectory()
        try FileManager.default.createDirectory(
            atPath: directory.path + "/claude", withIntermediateDirectories: true)
        var environment = [
            "PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": directory.path, "LOG_LEVEL": "info",
            "TELEGRAM_BOT_TOKEN": telegram.token, "TELEGRAM_API_BASE_URL": telegram.baseURL,
            "ALLOWED_USER_IDS": "4242", "CLAUDE_CLI_PATH": BenchPaths.benchClaude,
            // claude gets only SPEC §12's variables from the daemon; the bench claude's own one is passed explicitly.
            "BENCH_CLAUDE_LOG": directory.path + "/claude", "JOB_ENV_PASSTHROUGH": "BENCH_CLAUDE_*",
            "WORKSPACE_PATH": directory.path,
            "CLAUDIO_STATE_DIR": directory.path + "/state", "CLAUDIO_ADMIN_SOCKET": directory.path + "/run/admin.sock",
            "CLAUDIO_LOCK_DIR": directory.path,
        ]
        environment.merge(settings) { $1 }
        spawnedAt = .now
        pid = try Self.spawn(
            BenchPaths.claudio, arguments: ["run"], environment: environment, log: directory.path + "/claudio.log")
    }

    /// Waits for the " ready: " log line; returns the time from the spawn to when it was seen (polled every 0.5 ms).
    func waitUntilReady(timeout: Duration = .seconds(30)) async throws -> Duration {
        var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }
        return try await waitFor("claudio to get ready; its log:\n\(log)", timeout: timeout, every: .microseconds(500)) {
            if log.contains(" ready: ") { return .now - spawnedAt }
            guard ProcessProbe.exists(pid) else { throw BenchFailure("claudio exited before it was ready; its log:\n\(log)") }
            return nil
        }
    }

    var residentKiB: Int { ProcessProbe.residentKiB(of: pid) ?? 0 }
    var cpuTicks: Int { ProcessProbe.cpuTicks(of: pid) ?? 0 }
    /// The CPU of the claude processes the daemon has reaped so far (and of anything else it reaped).
    var reapedChildrenCPUTicks: Int { ProcessProbe.reapedChildrenCPUTicks(of: pid) ?? 0 }

    /// SIGTERM, up to 30 s for a clean exit, then SIGKILL; reaps the process and removes its directory unless asked
    /// to keep it (to read the state database afterwards).
    /// - Throws: when the daemon needed SIGKILL or left bench claude processes behind (they are killed then).
    func stop(keepingDirectory: Bool = false) async throws {
        guard !reaped.withLock({ $0 }) else { return }
        defer { reaped.withLock { $0 = true } }
        kill(pid, SIGTERM)
        let deadline = ContinuousClock.now + .seconds(30)
        var status: Int32 = 0
        var problems: [String] = []
        while waitpid(pid, &status, WNOHANG) == 0 {
            if ContinuousClock.now > deadline {
                kill(pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                problems.append("claudio did not exit within 30 s of SIGTERM")
                break
            }
            try? await Task.sleep(for: .milliseconds(5))
        }
        let leftovers = ProcessProbe.processes(withEnvironment: "BENCH_CLAUDE_LOG=" + claudeLog)
        if !leftovers.isEmpty {
            leftovers.forEach { kill($0, SIGKILL) }
            problems.append("\(leftovers.count) claude processes outlived the daemon")
        }
        if !problems.isEmpty {
            let log = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
            if !keepingDirectory { directory.remove() }
            throw BenchFailure(problems.joined(separator: "; ") + "; its log ends:\n" + log.suffix(3_000))
        }
        if !keepingDirectory { directory.remove() }
    }

    /// Starts a program with exactly `environment`, stdin from /dev/null, stdout and stderr to `log`.
    static func spawn(_ path: String, arguments: [String], environment: [String: String], log: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, path, &actions, nil, argv, envp)
        guard result == 0 else { throw BenchFailure("could not start \(path): \(String(cString: strerror(result)))") }
        return pid
    }
}

extension BenchDaemon {
    /// Starts a daemon, waits until it is ready and its first long poll is waiting, runs `body`, and stops it.
    static func with<Result: Sendable>(
        telegram: FakeTelegramServer, settings: [String: String] = [:],
        _ body: (BenchDaemon) async throws -> Result
    ) async throws -> Result {
        let daemon = try BenchDaemon(telegram: telegram, settings: settings)
        do {
            _ = try await daemon.waitUntilReady()
            try await telegram.waitForPendingPoll()
            let result = try await body(daemon)
            try await daemon.stop()
            return result
        } catch {
            try? await daemon.stop()
            throw error
        }
    }

    /// Starts a daemon with `settings` against a fake Telegram and runs `warmup + samples` rounds one at a time, each
    /// once the daemon long-polls: `measure` plays round `round` (the fake's `mark` taken just before, to wait only for
    /// later calls) and returns its figure. The figures after the warm-up are returned.
    static func measureRounds(
        settings: [String: String], warmup: Int, samples: Int,
        _ measure: @escaping @Sendable (
            _ server: FakeTelegramServer, _ daemon: BenchDaemon, _ round: Int, _ mark: Int
        ) async throws -> Int
    ) async throws -> [Int] {
        try await FakeTelegramServer.withServer { server in
            try await BenchDaemon.with(telegram: server, settings: settings) { daemon in
                var figures: [Int] = []
                for round in 0..<(warmup + samples) {
                    try await server.waitForPendingPoll()
                    let figure = try await measure(server, daemon, round, await server.mark())
                    if round >= warmup { figures.append(figure) }
                }
                return figures
            }
        }
    }
}

extension FakeTelegramServer {
    /// Returns once the daemon holds a `getUpdates` open, so the next update is answered at once.
    func waitForPendingPoll(timeout: Duration = .seconds(30)) async throws {
        try await waitFor("the daemon to long-poll getUpdates", timeout: timeout, every: .microseconds(200)) {
            await state.pollsInProgress > 0
        }
    }
}
