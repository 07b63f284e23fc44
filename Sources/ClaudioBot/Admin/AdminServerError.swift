import Glibc

/// Why `AdminServer` could not start or turned a connection away.
enum AdminServerError: Error, Sendable, Equatable {
    /// A daemon already accepts connections on the socket.
    case anotherDaemonServing(path: String)
    /// Something other than a socket sits at the socket path; it is left alone.
    case notASocket(path: String)
    /// The path does not fit in `sockaddr_un.sun_path` (107 bytes on Linux).
    case pathTooLong(path: String)
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
        case .socketSetupFailed(let path, let step, let code):
            "admin socket \(path): \(step) failed: \(String(cString: strerror(code)))"
        case .peerRefused(let uid, let pid):
            "refused an admin connection from uid \(uid) (pid \(pid)): only the daemon's own user and root are served"
        }
    }
}
