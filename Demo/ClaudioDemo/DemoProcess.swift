import Foundation
import Glibc
import Synchronization

/// A process the demo started (the daemon, the console), known by its PID and stopped by it.
///
/// Its exit is collected by `waitpid` on a thread of its own, so waiting never blocks the cooperative pool.
final class DemoProcess: Sendable {
    let pid: pid_t
    private let status = ExitStatus()
    private let exit: Task<Int32, Never>

    /// The exit code once `waitpid` has it; a class so the waiting thread can hold it while `init` runs.
    private final class ExitStatus: Sendable {
        let code = Mutex<Int32?>(nil)
    }

    /// Starts `path` with exactly `environment`.
    /// - Parameters:
    ///   - ownProcessGroup: a group of its own, so the terminal's Ctrl-C reaches the console and not the daemon,
    ///     which the demo stops itself.
    ///   - outputPath: a file for stdout and stderr (stdin from /dev/null); nil keeps the demo's terminal.
    init(
        _ path: String, arguments: [String], environment: [String: String], ownProcessGroup: Bool,
        outputPath: String?
    ) throws(DemoFailure) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let outputPath {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_APPEND, 0o600)
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // The demo traps SIGINT, SIGTERM and SIGHUP; its children start with the usual dispositions.
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGPIPE] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var flags = Int32(POSIX_SPAWN_SETSIGDEF)
        if ownProcessGroup {
            flags |= Int32(POSIX_SPAWN_SETPGROUP)
            posix_spawnattr_setpgroup(&attributes, 0)
        }
        posix_spawnattr_setflags(&attributes, Int16(flags))

        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv + envp { free(pointer) }
        }
        var spawned: pid_t = 0
        let result = posix_spawn(&spawned, path, &actions, &attributes, argv, envp)
        guard result == 0 else {
            throw DemoFailure("could not start \(path): \(String(cString: strerror(result)))")
        }
        let pid = spawned
        self.pid = pid
        let status = self.status
        exit = Task {
            await withCheckedContinuation { continuation in
                let reaper = Thread {
                    var raw: Int32 = 0
                    while waitpid(pid, &raw, 0) < 0 && errno == EINTR {}
                    // The shell's convention: the exit code, or 128 plus the signal that ended it.
                    let code = raw & 0x7F == 0 ? (raw >> 8) & 0xFF : 128 + (raw & 0x7F)
                    status.code.withLock { $0 = code }
                    continuation.resume(returning: code)
                }
                reaper.name = "claudio-demo wait \(pid)"
                reaper.start()
            }
        }
    }

    /// Nil while it runs.
    var exitCode: Int32? { status.code.withLock { $0 } }

    func waitForExit() async -> Int32 {
        await exit.value
    }

    func signal(_ signal: Int32) {
        guard exitCode == nil else { return }
        _ = kill(pid, signal)
    }

    /// SIGTERM, then SIGKILL if it has not exited within `grace`.
    func stop(grace: Duration = .seconds(10)) async -> Int32 {
        signal(SIGTERM)
        let deadline = ContinuousClock.now.advanced(by: grace)
        while exitCode == nil && ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(50))
        }
        signal(SIGKILL)
        return await waitForExit()
    }
}
