import Hummingbird

/// Where a ``LocalServer`` listens. Only addresses on this machine: a test server is never reachable from outside.
package enum LocalServerAddress: Sendable, Equatable {
    /// 127.0.0.1 on a port the kernel picks, so that parallel tests never fight over a fixed port.
    case loopbackFreePort
    /// A Unix domain socket at `path`, for the clients that can talk HTTP over one.
    case unixSocket(path: String)

    /// The same address in Hummingbird's terms.
    var bindAddress: BindAddress {
        switch self {
        case .loopbackFreePort: .hostname("127.0.0.1", port: 0)
        case .unixSocket(let path): .unixDomainSocket(path: path)
        }
    }
}
