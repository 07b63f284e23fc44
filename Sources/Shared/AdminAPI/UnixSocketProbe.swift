import Glibc

/// Finds out whether a process accepts connections on a Unix-domain socket, with one non-blocking `connect` that
/// is closed at once (never blocks, sends nothing).
///
/// The daemon uses it before binding (a live socket means another daemon), the client to explain a failed call.
public enum UnixSocketProbe {
    public enum Outcome: Sendable, Equatable {
        /// A process listens there (the connection was accepted, or its backlog is full).
        case accepting
        /// Nothing listens: the file was left by a process that is gone (`ECONNREFUSED`), or there is no file.
        case notListening
        /// `connect` failed otherwise; `EACCES` means no permission on the socket or its directory.
        case failed(errno: Int32)
    }

    /// `sizeof(sockaddr_un.sun_path)` on Linux, including the terminating NUL.
    public static let maxPathBytes = 108

    /// Connects to `path` and disconnects.
    public static func probe(_ path: String) -> Outcome {
        guard path.utf8.count < maxPathBytes else { return .failed(errno: ENAMETOOLONG) }
        let type = Int32(SOCK_STREAM.rawValue | SOCK_NONBLOCK.rawValue | SOCK_CLOEXEC.rawValue)
        let descriptor = socket(AF_UNIX, type, 0)
        guard descriptor >= 0 else { return .failed(errno: errno) }
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            buffer.copyBytes(from: path.utf8)
        }
        let result = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                connect(descriptor, generic, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        if result == 0 { return .accepting }
        switch errno {
        case EAGAIN, EINPROGRESS: return .accepting
        case ECONNREFUSED, ENOENT: return .notListening
        case let code: return .failed(errno: code)
        }
    }
}
