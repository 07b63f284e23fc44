import Glibc

/// What `claudio run` does to its own process before anything else (SPEC §12): a job runs as the daemon's user, so
/// without this it could read the daemon's secrets straight out of `/proc`.
enum ProcessHardening {
    /// `<linux/prctl.h>`; Swift's `Glibc` module does not import `<sys/prctl.h>`.
    static let setDumpable: Int32 = 4
    /// The umask of the daemon and everything it creates.
    static let umask: mode_t = 0o077

    /// Makes the process undumpable and sets a umask of 077.
    ///
    /// Undumpable: the kernel then lets only root (CAP_SYS_PTRACE) read `/proc/PID/environ` and `mem`, attach with
    /// ptrace or take a core dump — a same-uid job cannot lift the bot tokens from the daemon's environment or memory.
    /// It makes the files of `/proc/PID` owned by root, which `claudio`'s own reads of `/proc/self/status` do not
    /// mind (it stays world-readable). The flag is reset by `execve`, so claude and its tools are unaffected.
    ///
    /// umask 077: the state database, lock files and whatever else the daemon writes are its user's alone from the
    /// moment they exist. Jobs inherit it (`posix_spawn` keeps the umask), so files claude creates in the workspace
    /// are private to the daemon's user too.
    /// - Throws: `ProcessHardeningError` when `prctl` is unavailable or refuses: the daemon then does not start.
    static func apply() throws(ProcessHardeningError) {
        Glibc.umask(umask)
        guard let prctl = GlibcExtensions.prctl else { throw ProcessHardeningError(reason: "the C library lacks prctl") }
        guard prctl(setDumpable, 0, 0, 0, 0) == 0 else {
            throw ProcessHardeningError(reason: String(cString: strerror(errno)))
        }
    }
}
