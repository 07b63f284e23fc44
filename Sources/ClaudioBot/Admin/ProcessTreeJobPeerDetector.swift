import Glibc

/// Recognises a job's processes by where they sit in the process tree, and by their tag.
///
/// The daemon is a child subreaper (`ChildReaper`): every job process descends from it, and so does every orphan of
/// one, which the kernel reparents to the daemon rather than to init; a sandboxed job's processes too (bwrap is the
/// daemon's child, and `SO_PEERCRED` gives PIDs as the daemon's namespace sees them). Legitimate clients — the
/// `claudio` CLI, the console, an operator's curl — are started from a shell or a service manager and never
/// descend from the daemon. So a peer whose parent chain (`/proc/PID/stat`) reaches the daemon is a job's, and so
/// is one whose environment carries `CLAUDIO_JOB_ID` (a job's process that somehow left the tree but kept its tag).
/// The daemon itself (the in-process clients of tests) is not a job.
///
/// When the peer's chain cannot be read, the peer is treated as a job: the usual reason is that it exited after
/// connecting, and a job's process could connect, hand the descriptor to a child and exit to blur its trail. The
/// exception is PID 0, which the kernel reports for a peer outside the daemon's PID namespace: no descendant of the
/// daemon can be there. (A peer's PID could also be reused between `connect` and this check; closing that needs
/// `SO_PEERPIDFD`, Linux 6.5.)
struct ProcessTreeJobPeerDetector: JobPeerDetector {
    /// The daemon's PID: the ancestor that marks a job.
    let daemonPID: pid_t
    /// Longest parent chain walked: far beyond any real tree; reaching it counts as unreadable.
    static let maximumDepth = 4096
    /// Walks restarted when an ancestor vanished mid-walk (its orphans get reparented, so a fresh walk sees them).
    static let walkAttempts = 3

    init(daemonPID: pid_t = getpid()) {
        self.daemonPID = daemonPID
    }

    func isJobProcess(_ pid: pid_t) -> Bool {
        guard pid != daemonPID, pid > 0 else { return false }
        // The stat walk comes first: reading another process's environ takes its memory-map lock, which a process
        // can hold for a long time; stat does not.
        let descends = Self.descends(pid, from: daemonPID) { ProcStat.read(pid: $0)?.parentPID }
        if descends ?? true { return true }
        return ProcEnvironment.value(of: pid, name: ProcessLauncher.jobTagVariable) != nil
    }

    /// Whether `ancestor` is on `pid`'s parent chain; nil when the chain cannot be read.
    /// - Parameter parent: the parent of a PID, nil when it cannot be read.
    static func descends(_ pid: pid_t, from ancestor: pid_t, parent: (pid_t) -> pid_t?) -> Bool? {
        for _ in 0..<walkAttempts {
            var current = pid
            var depth = 0
            while depth < maximumDepth, let next = parent(current) {
                if next == ancestor { return true }
                // PID 1 and the kernel's threads have parent 0: the top of the tree.
                if next <= 0 { return false }
                current = next
                depth += 1
            }
            // The peer itself is gone: no fresh walk will find it.
            if current == pid { return nil }
        }
        return nil
    }
}
