/// Why an instance lock could not be taken. Each is fatal at start (exit 1) and names the lock file.
enum InstanceLockError: Error, Equatable, CustomStringConvertible {
    case heldByAnother(path: String, pid: Int32?)
    /// The file at the lock path is not this daemon's own (SPEC §18); nothing was written to it.
    case unsafeFile(path: String, problem: FileTrustProblem)
    case cannotOpen(path: String, reason: String)

    var description: String {
        switch self {
        case .heldByAnother(let path, let pid):
            "❌ ERROR: another Claudio instance is already running (PID \(pid.map(String.init) ?? "unknown"), lock \(path))"
        case .unsafeFile(let path, let problem):
            "❌ ERROR: the lock file \(path) \(problem), so Claudio will not use it: another local user may have put "
                + "it there. If no other Claudio is running, remove it; better, set CLAUDIO_LOCK_DIR to a directory "
                + "only Claudio's user can write."
        case .cannotOpen(let path, let reason):
            "❌ ERROR: cannot open the lock file \(path): \(reason). Check CLAUDIO_LOCK_DIR."
        }
    }
}
