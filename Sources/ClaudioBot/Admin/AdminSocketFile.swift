import Glibc
import Shared

/// The admin socket's place in the file system (SPEC §6): its directory, a previous daemon's socket, and clean-up.
///
/// Every call here is a single non-blocking system call (the probe's `connect` included), so it is fine on the
/// cooperative pool.
struct AdminSocketFile: Sendable {
    let path: String

    /// The directory holding the socket.
    var directory: String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Makes the path ready for `bind`: creates missing directories with mode 0700 and makes sure the socket's own
    /// directory is this user's alone (SPEC §18), then looks at what is already there. A socket nobody accepts on
    /// (left by a daemon that died) is removed; a socket that accepts means another daemon is serving, and anything
    /// else is left alone.
    /// - Returns: the directory's former mode when it was ours but open to others and has been made 0700.
    /// - Throws: `AdminServerError`.
    @discardableResult
    func prepareForBind() throws(AdminServerError) -> mode_t? {
        guard path.utf8.count < UnixSocketProbe.maxPathBytes else { throw .pathTooLong(path: path) }
        try createDirectory(directory)
        let formerMode = try makeDirectoryPrivate()

        var info = stat()
        guard lstat(path, &info) == 0 else {
            if errno == ENOENT { return formerMode }
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
        return formerMode
    }

    /// The identity of the file at the path now, nil when there is none.
    func currentIdentity() -> FileIdentity? {
        FileIdentity(path: path)
    }

    /// Removes the socket file if it is still the one identified by `identity`, never a successor's.
    func remove(ifStill identity: FileIdentity) {
        guard currentIdentity() == identity else { return }
        unlink(path)
    }

    /// Checks the socket's directory: whoever owns it, or may write in it, could put their own socket at the path
    /// (and read what clients send) or replace ours. One of ours that others may enter is narrowed to 0700 — what an
    /// operator's `mkdir` under a permissive umask gives; anyone else's, or a shared one like `/tmp`, stops the start.
    /// Checked and changed through one descriptor, so it is the same directory throughout.
    private func makeDirectoryPrivate() throws(AdminServerError) -> mode_t? {
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .socketSetupFailed(path: path, step: "open \(directory)", errno: errno) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw .socketSetupFailed(path: path, step: "stat \(directory)", errno: errno)
        }
        guard info.st_uid == geteuid() else {
            throw .socketDirectoryNotOurs(directory: directory, owner: info.st_uid, expected: geteuid())
        }
        let mode = info.st_mode & 0o7777
        guard mode & 0o077 != 0 else { return nil }
        // A sticky directory is shared on purpose (/tmp as root): narrowing it would break everyone else.
        guard mode & S_ISVTX == 0 else { throw .socketDirectoryShared(directory: directory) }
        guard fchmod(descriptor, 0o700) == 0 else {
            throw .socketSetupFailed(path: path, step: "chmod 700 \(directory)", errno: errno)
        }
        return mode
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
