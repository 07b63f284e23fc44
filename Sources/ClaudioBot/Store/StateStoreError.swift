import Glibc

/// Why the state database could not be opened. Each message names the path and what the operator can do about it.
enum StateStoreError: Error, Equatable, CustomStringConvertible {
    /// The state directory (or one of its parents) could not be created; `errno` is the code `mkdir` returned.
    case cannotCreateDirectory(path: String, errno: Int32)
    /// The state path exists but is not a directory.
    case notADirectory(path: String)
    /// The state directory exists, but this user cannot create files in it.
    case directoryNotWritable(path: String)
    /// SQLite reports that the file is not a database, or that it is damaged.
    case corruptDatabase(path: String, reason: String)
    /// SQLite could not open or prepare the file for another reason (permissions, disk full, I/O error…).
    case cannotOpenDatabase(path: String, reason: String)
    /// The store was closed; nothing more can be written.
    case closed

    var description: String {
        switch self {
        case .cannotCreateDirectory(let path, let code):
            "cannot create the state directory \(path): \(String(cString: strerror(code))). "
                + "Create it (mode 700) as the user running Claudio, or set CLAUDIO_STATE_DIR to a directory that user owns."
        case .notADirectory(let path):
            "the state directory \(path) exists but is not a directory. "
                + "Move that file away, or set CLAUDIO_STATE_DIR to another path."
        case .directoryNotWritable(let path):
            "the state directory \(path) is not writable by this user. "
                + "Give the user running Claudio ownership of it (chmod 700), or set CLAUDIO_STATE_DIR to another directory."
        case .corruptDatabase(let path, let reason):
            "the state database \(path) is damaged or not an SQLite database (\(reason)). "
                + "Stop Claudio and move that file, with any -wal and -shm files beside it, out of the way; "
                + "a fresh database is created at the next start (stored sessions, job history and denied-access records are lost)."
        case .cannotOpenDatabase(let path, let reason):
            "cannot open the state database \(path): \(reason). "
                + "Check that the file and its directory belong to the user running Claudio and that the disk is not full."
        case .closed:
            "the state database is closed"
        }
    }
}
