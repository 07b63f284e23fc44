/// What a sandboxed job sees, as data: bubblewrap's command line is built from it, so tests inspect exactly what a
/// job gets without running anything.
///
/// Everything is read-only (`/` bound read-only) except the writable paths; each job has its own PID and IPC
/// namespaces, a private `/tmp`, a minimal `/dev`, its own `/proc`, a new session, and no capabilities even when the
/// daemon runs as root (otherwise root inside could unmount what hides the daemon's files). The network is shared:
/// the CLI needs its API.
struct SandboxProfile: Sendable, Equatable {
    /// A path the job must not see.
    enum HiddenPath: Sendable, Equatable {
        /// Covered by an empty tmpfs.
        case directory(String)
        /// Covered by `/dev/null`.
        case file(String)

        var path: String {
            switch self {
            case .directory(let path), .file(let path): path
            }
        }
    }

    /// Bound read-only on top of the private `/tmp`: what the job must run or read that lies in the system temp
    /// directory (the claude CLI, `MCP_CONFIG_PATH`), which the private `/tmp` would otherwise hide.
    var readOnly: [String] = []
    /// Bound read-write, in this order.
    var writable: [String]
    /// Covered after the writable binds, so a hidden path inside one of them stays hidden.
    var hidden: [HiddenPath]
    /// The job's working directory.
    var workingDirectory: String
    /// The system temp directory, private (and empty) inside the sandbox.
    var temporaryDirectory = "/tmp"

    /// bubblewrap's arguments to run `command` with `arguments` in this profile.
    func bubblewrapArguments(command: String, arguments: [String]) -> [String] {
        var argv = [
            "--unshare-pid", "--unshare-ipc", "--die-with-parent", "--new-session", "--cap-drop", "ALL",
            "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp",
        ]
        for path in readOnly {
            argv += ["--ro-bind", path, path]
        }
        for path in writable {
            argv += ["--bind", path, path]
        }
        for hidden in hidden {
            switch hidden {
            case .directory(let path): argv += ["--tmpfs", path]
            case .file(let path): argv += ["--ro-bind", "/dev/null", path]
            }
        }
        argv += ["--chdir", workingDirectory, "--", command]
        return argv + arguments
    }
}
