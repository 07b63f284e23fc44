import Glibc

/// Where a job's processes are read from: `/proc` in the daemon (`ProcFileSystem`), a `ProcessTable` in tests.
protocol ProcessSource: Sendable {
    /// The process `pid` is now; nil once it has been reaped.
    func stat(of pid: pid_t) -> ProcStat?
    /// The PIDs of `process`'s children (zombies included).
    func children(of process: ProcStat) -> [pid_t]
}

/// The live source: one `stat` file per process and its threads' `children` files.
struct ProcFileSystem: ProcessSource {
    func stat(of pid: pid_t) -> ProcStat? {
        ProcStat.read(pid: pid)
    }

    func children(of process: ProcStat) -> [pid_t] {
        ProcChildren.of(process)
    }
}
