import Glibc

/// Reads one variable of another process's environment (`/proc/PID/environ`).
///
/// Reading it takes the process's memory-map lock and the whole environment, so the daemon does it only where
/// nothing cheaper answers: once per orphan it inherited (`InheritedOrphans`), and for an admin peer outside the
/// daemon's tree (`ProcessTreeJobPeerDetector`) — never per job or per message.
enum ProcEnvironment {
    /// The value of `name`; nil when it is not set or cannot be read (another user's process, or one that exited).
    static func value(of pid: pid_t, name: String) -> String? {
        guard let environ = ProcFile.read("/proc/\(pid)/environ") else { return nil }
        let prefix = Array((name + "=").utf8)
        for entry in environ.split(separator: 0, omittingEmptySubsequences: true) where entry.starts(with: prefix) {
            return String(decoding: entry.dropFirst(prefix.count), as: UTF8.self)
        }
        return nil
    }
}
