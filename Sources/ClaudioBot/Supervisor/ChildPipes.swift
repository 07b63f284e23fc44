import Glibc

/// The pipes made for one spawn. Every descriptor is closed on `closeAll()` unless it was `release`d
/// to a new owner, so a failed spawn leaks nothing and the child's ends never linger in the daemon.
struct ChildPipes {
    struct Pipe {
        var read: Int32
        var write: Int32
    }

    private var open: Set<Int32> = []

    /// A pipe whose both ends are close-on-exec, created atomically (`pipe2`) so that a concurrent
    /// spawn cannot inherit it.
    mutating func make(_ purpose: String) throws(SupervisorError) -> Pipe {
        guard let pipe2 = GlibcExtensions.pipe2 else { throw .missingLibcFunction("pipe2") }
        var fds: [Int32] = [-1, -1]
        guard pipe2(&fds, O_CLOEXEC) == 0 else { throw .setupFailed(step: purpose, errno: errno) }
        open.formUnion(fds)
        return Pipe(read: fds[0], write: fds[1])
    }

    /// Hands `fd` over to the caller; `closeAll()` will leave it open.
    mutating func release(_ fd: Int32) -> Int32 {
        open.remove(fd)
        return fd
    }

    mutating func closeAll() {
        for fd in open { close(fd) }
        open = []
    }
}
