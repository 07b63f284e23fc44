import Glibc
import Shared

/// The admin socket's place in the file system (SPEC §6): its directory, a previous daemon's socket, and clean-up.
///
/// Every call here is a single non-blocking system call (the probe's `connect` included), so it is fine on the
/// cooperative pool.
struct AdminSocketFile: Sendable {
    /// Which file a path named when it was looked at; a socket file is removed only if it is still the one this
    /// daemon bound, never a successor's.
    struct Identity: Sendable, Hashable {
        var device: UInt64
        var inode: UInt64
    }

    let path: String

    /// The directory holding the socket.
    var directory: String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Makes the path ready for `bind`: creates missing directories with mode 0700, then looks at what is already
    /// there. A socket nobody accepts on (left by a daemon that died) is removed; a socket that accepts means another
    /// daemon is serving, and anything else is left alone.
    /// - Throws: `AdminServerError`.
    func prepareForBind() throws(AdminServerError) {
        guard path.utf8.count < UnixSocketProbe.maxPathBytes else { throw .pathTooLong(path: path) }
        try createDirectory(directory)

        var info = stat()
        guard lstat(path, &info) == 0 else {
            if errno == ENOENT { return }
            throw .socketSetupFailed(path: path, step: "lstat", errno: errno)
        }
        guard info.st_mode & S_IFMT == S_IFSOCK else { throw .notASocket(path: path) }
        // Hummingbird's bind unlinks whatever socket is at the path, so a live daemon's socket would be stolen from
        // it without this probe.
        switch UnixSocketProbe.probe(path) {
        case .accepting: throw .anotherDaemonServing(path: path)
        case .notListening: break
        case .failed(let code): throw .socketSetupFailed(path: path, step: "probing the existing socket", errno: code)
        }
        guard unlink(path) == 0 || errno == ENOENT else {
            throw .socketSetupFailed(path: path, step: "removing the stale socket", errno: errno)
        }
    }

    /// The identity of the file at the path now, nil when there is none.
    func currentIdentity() -> Identity? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    /// Removes the socket file if it is still the one identified by `identity`.
    func remove(ifStill identity: Identity) {
        guard currentIdentity() == identity else { return }
        unlink(path)
    }

    /// Creates `directory` and its missing parents with mode 0700; existing directories are left as they are.
    private func createDirectory(_ directory: String) throws(AdminServerError) {
        var info = stat()
        if stat(directory, &info) == 0 { return }
        guard errno == ENOENT else { throw .socketSetupFailed(path: path, step: "stat \(directory)", errno: errno) }
        let parent = AdminSocketFile(path: directory).directory
        if parent != directory { try createDirectory(parent) }
        guard mkdir(directory, 0o700) == 0 || errno == EEXIST else {
            throw .socketSetupFailed(path: path, step: "mkdir \(directory)", errno: errno)
        }
        // mkdir applies the umask, which could have removed the owner's bits.
        guard chmod(directory, 0o700) == 0 else {
            throw .socketSetupFailed(path: path, step: "chmod \(directory)", errno: errno)
        }
    }
}
