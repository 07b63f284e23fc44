import Glibc

/// Why the supervisor could not start or control a process.
enum SupervisorError: Error, Equatable, CustomStringConvertible {
    /// `posix_spawn` failed for this executable (e.g. ENOENT, EACCES); `errno` is the code it returned.
    case spawnFailed(path: String, errno: Int32)
    /// The pipes or spawn attributes for a child could not be prepared.
    case setupFailed(step: String, errno: Int32)
    /// `prctl(PR_SET_CHILD_SUBREAPER)` was refused or is unavailable.
    case subreaperUnavailable(errno: Int32)
    /// A glibc function the supervisor needs is missing from this system's C library.
    case missingLibcFunction(String)
    /// A `ChildReaper` already runs in this process; a second one would steal the first one's exit statuses.
    case reaperAlreadyRunning

    var description: String {
        switch self {
        case .spawnFailed(let path, let code):
            "cannot start \(path): \(Self.message(for: code))"
        case .setupFailed(let step, let code):
            "cannot prepare a child process (\(step)): \(Self.message(for: code))"
        case .subreaperUnavailable(let code):
            "cannot become a child subreaper: \(Self.message(for: code))"
        case .missingLibcFunction(let name):
            "the C library lacks \(name) (glibc 2.34 or newer is required)"
        case .reaperAlreadyRunning:
            "a child reaper is already running in this process"
        }
    }

    static func message(for code: Int32) -> String {
        String(cString: strerror(code))
    }
}
