/// Why an ``AdminClient`` call produced no answer. The scripting CLI maps ``unreachable(path:reason:)`` to exit
/// code 2 and the others to exit code 1 (SPEC §3).
public enum AdminClientError: Error, Sendable, Equatable {
    /// No daemon answered at the socket: no socket file, a stale one (connection refused), no permission, or the
    /// daemon closed the connection without answering (it serves only its own user and root).
    case unreachable(path: String, reason: String)
    /// The daemon answered with a 4xx/5xx status; `message` is the `error` of its `{"error": "…"}` body.
    case refused(status: Int, message: String)
    /// The daemon answered 2xx with a body that is not the expected JSON (a client and daemon of different versions).
    case invalidResponse(reason: String)
}

extension AdminClientError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .unreachable(let path, let reason):
            "cannot reach the Claudio daemon at \(path): \(reason)"
        case .refused(let status, let message):
            "the daemon refused (HTTP \(status)): \(message)"
        case .invalidResponse(let reason):
            "unexpected answer from the daemon: \(reason)"
        }
    }
}
