import Glibc

/// Starts child processes with `posix_spawn` — the only way Claudio starts a process, because the
/// `ChildReaper` collects every child's exit status.
///
/// Each child gets: its own process group (so a job can be told apart from the daemon), the default
/// disposition for every catchable signal and an empty signal mask (the daemon ignores SIGTERM, SIGINT,
/// SIGHUP and SIGPIPE for its own signal handling, and ignored dispositions survive `exec`: without
/// the reset `claude` would ignore the SIGTERM meant to stop it), no inherited descriptor beyond 0–2,
/// and `CLAUDIO_JOB_ID=<tag>` when the request carries a job tag.
struct ProcessLauncher: Sendable {
    /// The variable that marks every process of a job; children inherit it.
    static let jobTagVariable = "CLAUDIO_JOB_ID"

    let reaper: ChildReaper

    init(reaper: ChildReaper) {
        self.reaper = reaper
    }

    /// Starts the child described by `request`.
    /// - Throws: `SupervisorError.spawnFailed` naming the path and the reason (ENOENT, EACCES…).
    func launch(_ request: LaunchRequest) throws(SupervisorError) -> LaunchedProcess {
        // A relative path would be resolved after the chdir action, against the child's directory.
        guard request.executablePath.hasPrefix("/") else {
            throw .spawnFailed(path: request.executablePath, errno: EINVAL)
        }
        guard let addClosefrom = GlibcExtensions.addClosefrom else {
            throw .missingLibcFunction("posix_spawn_file_actions_addclosefrom_np")
        }
        guard let addChdir = GlibcExtensions.addChdir else {
            throw .missingLibcFunction("posix_spawn_file_actions_addchdir_np")
        }

        var pipes = ChildPipes()
        defer { pipes.closeAll() }
        let stdinPipe = try request.standardInput == .pipe ? pipes.make("stdin pipe") : nil
        let stdoutPipe = try request.standardOutput == .capture ? pipes.make("stdout pipe") : nil
        let stderrPipe = try request.standardError == .capture ? pipes.make("stderr pipe") : nil

        let actions = UnsafeMutablePointer<posix_spawn_file_actions_t>.allocate(capacity: 1)
        posix_spawn_file_actions_init(actions)
        defer {
            posix_spawn_file_actions_destroy(actions)
            actions.deallocate()
        }
        switch request.standardInput {
        case .pipe: posix_spawn_file_actions_adddup2(actions, stdinPipe!.read, STDIN_FILENO)
        case .nullDevice: posix_spawn_file_actions_addopen(actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0)
        case .inherit: break
        }
        for (output, pipe, target) in [(request.standardOutput, stdoutPipe, STDOUT_FILENO),
                                       (request.standardError, stderrPipe, STDERR_FILENO)] {
            switch output {
            case .capture: posix_spawn_file_actions_adddup2(actions, pipe!.write, target)
            case .nullDevice: posix_spawn_file_actions_addopen(actions, target, "/dev/null", O_WRONLY, 0)
            case .inherit: break
            }
        }
        if let directory = request.workingDirectory {
            let result = addChdir(actions, directory)
            guard result == 0 else { throw .setupFailed(step: "chdir action", errno: result) }
        }
        // Our pipe ends are O_CLOEXEC already; this also drops descriptors opened by libraries without it.
        let result = addClosefrom(actions, 3)
        guard result == 0 else { throw .setupFailed(step: "closefrom action", errno: result) }

        let attributes = UnsafeMutablePointer<posix_spawnattr_t>.allocate(capacity: 1)
        posix_spawnattr_init(attributes)
        defer {
            posix_spawnattr_destroy(attributes)
            attributes.deallocate()
        }
        var defaultSignals = sigset_t()
        sigemptyset(&defaultSignals)
        for signal: Int32 in 1...31 where signal != SIGKILL && signal != SIGSTOP {
            sigaddset(&defaultSignals, signal)
        }
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigdefault(attributes, &defaultSignals)
        posix_spawnattr_setsigmask(attributes, &emptyMask)
        posix_spawnattr_setpgroup(attributes, 0)
        posix_spawnattr_setflags(attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETPGROUP))

        var environment = request.environment
        if let tag = request.jobTag { environment[Self.jobTagVariable] = tag }
        let argv = CStringArray([request.executablePath] + request.arguments)
        let envp = CStringArray(environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })
        defer {
            argv.free()
            envp.free()
        }

        let child = try reaper.spawnRegistered { () throws(SupervisorError) -> pid_t in
            var pid: pid_t = 0
            let result = posix_spawn(&pid, request.executablePath, actions, attributes, argv.pointers, envp.pointers)
            guard result == 0 else { throw .spawnFailed(path: request.executablePath, errno: result) }
            return pid
        }

        let pid = child.pid
        // The child holds its own copies now; keep only our ends, which the pumps own from here on.
        let stdinFD = stdinPipe.map { pipes.release($0.write) }
        let standardOutput = stdoutPipe.map { OutputPump.stream(from: pipes.release($0.read)) }
        let standardError = stderrPipe.map { OutputPump.stream(from: pipes.release($0.read)) }
        return LaunchedProcess(
            child: child,
            reaper: reaper,
            executablePath: request.executablePath,
            jobTag: request.jobTag,
            standardInput: stdinFD,
            standardOutput: standardOutput ?? Self.finishedStream(),
            standardError: standardError ?? Self.finishedStream()
        )
    }

    private static func finishedStream() -> AsyncStream<[UInt8]> {
        AsyncStream { $0.finish() }
    }
}
