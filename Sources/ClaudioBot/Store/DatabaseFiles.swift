import Glibc

/// The state database and the files SQLite keeps beside it, made the daemon's user's only (SPEC §18 "Files on
/// disk"), whatever umask the daemon was started with.
///
/// SQLite creates the database file with mode 0644 less the umask, but gives its `-wal`, `-shm` and `-journal` files
/// exactly the database file's mode (it copies it and `fchmod`s them). So the database file is created here, 0600,
/// before SQLite opens it, and every one of them that exists already is narrowed to 0600 — a file written by an
/// older version or under a permissive umask stays private from now on.
enum DatabaseFiles {
    /// What SQLite may create beside the database file `path`.
    static let companionSuffixes = ["-wal", "-shm", "-journal"]

    /// Creates the database file at `path` (mode 0600) when missing, and sets the database and any companion file of
    /// ours to 0600. Another user's file is left as it is; SQLite then reports what it cannot do with it.
    /// - Throws: `StateStoreError.cannotOpenDatabase` when the database file cannot be created.
    static func makePrivate(_ path: String) throws(StateStoreError) {
        for (index, file) in ([path] + companionSuffixes.map { path + $0 }).enumerated() {
            let create = index == 0 ? O_CREAT : 0
            let descriptor = open(file, O_RDONLY | O_NONBLOCK | O_CLOEXEC | create, 0o600)
            guard descriptor >= 0 else {
                if errno == ENOENT, create == 0 { continue }
                throw .cannotOpenDatabase(path: path, reason: "\(file): \(String(cString: strerror(errno)))")
            }
            defer { close(descriptor) }
            var info = stat()
            guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_uid == geteuid() else {
                continue
            }
            if info.st_mode & 0o777 != 0o600 { _ = fchmod(descriptor, 0o600) }
        }
    }
}
