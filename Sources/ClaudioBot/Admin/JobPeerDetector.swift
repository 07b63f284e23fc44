import Glibc

/// Tells whether the process at the other end of an admin connection belongs to a job (SPEC §12): a job's
/// processes are refused on every endpoint, sandbox or not. The admin server's seam, so tests can say who is a job.
protocol JobPeerDetector: Sendable {
    /// Whether `pid` (the peer's PID as `SO_PEERCRED` reports it) is one of a job's processes.
    ///
    /// Called off the event loop and off the cooperative pool: an implementation may block briefly (procfs reads).
    func isJobProcess(_ pid: pid_t) -> Bool
}
