import Glibc

/// Why `AdminServer` could not start or turned a connection away.
enum AdminServerError: Error, Sendable, Equatable {
    /// A daemon already accepts connections on the socket.
    case anotherDaemonServing(path: String)
    /// Something other than a socket sits at the socket path; it is left alone.
    case notASocket(path: String)
    /// The path does not fit in `sockaddr_un.sun_path` (107 bytes on Linux).
    case pathTooLong(path: String)
    /// The socket's directory belongs to another user, who could replace the socket (SPEC §18).
    case socketDirectoryNotOurs(directory: String, owner: UInt32, expected: UInt32)
    /// The socket's directory is shared with other users (sticky and open to them, like `/tmp`).
    case socketDirectoryShared(directory: String)
    /// Creating the socket's directory, probing or removing a stale socket failed.
    case socketSetupFailed(path: String, step: String, errno: Int32)
    /// A connection came from a uid other than the daemon's own and root.
    case peerRefused(uid: UInt32, pid: Int32)
}

extension AdminServerError: CustomStringConvertible {
    var description: String {
        switch self {
        case .anotherDaemonServing(let path):
            "another Claudio daemon is serving \(path)"
        case .notASocket(let path):
            "\(path) exists and is not a socket; move it away or set CLAUDIO_ADMIN_SOCKET"
        case .pathTooLong(let path):
            "the admin socket path is too long for a Unix-domain socket (max 107 bytes): \(path)"
        case .socketDirectoryNotOurs(let directory, let owner, let expected):
            "the admin socket's directory \(directory) is owned by uid \(owner), not by Claudio's user "
                + "(uid \(expected)), so its owner could replace the socket. Set CLAUDIO_ADMIN_SOCKET to a path in a "
                + "directory of Claudio's user (a missing one is created with mode 700), or chown that directory."
        case .socketDirectoryShared(let directory):
            "the admin socket's directory \(directory) is shared with other users (sticky bit, like /tmp); the socket "
                + "needs a directory of its own. Set CLAUDIO_ADMIN_SOCKET to e.g. \(directory)/claudio/admin.sock "
                + "(created with mode 700)."
        case .socketSetupFailed(let path, let step, let code):
            "admin socket \(path): \(step) failed: \(String(cString: strerror(code)))"
        case .peerRefused(let uid, let pid):
            "refused an admin connection from uid \(uid) (pid \(pid)): only the daemon's own user and root are served"
        }
    }
}
