import Glibc

/// `METRICS_LISTEN`: the address of the extra TCP listener that serves `/metrics` to a Prometheus scraper (SPEC §16).
///
/// Written `PORT` or `:PORT` (loopback, 127.0.0.1), `HOST:PORT` with an IPv4 address or `localhost`, or
/// `[IPv6]:PORT`. Only addresses, no other host names: resolving a name at start could block, or bind somewhere the
/// operator did not mean.
public struct MetricsListenAddress: Sendable, Equatable, CustomStringConvertible {
    /// An IP address (IPv6 without brackets).
    public var host: String
    public var port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Reads `text`; nil when it is none of the accepted forms or names a port outside 1…65535.
    public init?(parsing text: String) {
        var hostPart: Substring
        var portPart: Substring
        if let close = text.lastIndex(of: "]"), text.hasPrefix("[") {
            hostPart = text[text.index(after: text.startIndex)..<close]
            let rest = text[text.index(after: close)...]
            guard rest.hasPrefix(":") else { return nil }
            portPart = rest.dropFirst()
            guard Self.isIPv6(String(hostPart)) else { return nil }
        } else if let colon = text.lastIndex(of: ":") {
            hostPart = text[..<colon]
            portPart = text[text.index(after: colon)...]
            if hostPart.isEmpty || hostPart == "localhost" { hostPart = "127.0.0.1" }
            guard Self.isIPv4(String(hostPart)) else { return nil }
        } else {
            hostPart = "127.0.0.1"
            portPart = Substring(text)
        }
        guard portPart.allSatisfy(\.isASCII), let port = Int(portPart), (1...65_535).contains(port) else { return nil }
        self.init(host: String(hostPart), port: port)
    }

    /// Whether only this machine can connect: 127.0.0.0/8 or ::1.
    public var isLoopback: Bool {
        host.hasPrefix("127.") || host == "::1"
    }

    /// `127.0.0.1:9464`, `[::1]:9464`.
    public var description: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    private static func isIPv4(_ text: String) -> Bool {
        var address = in_addr()
        return inet_pton(AF_INET, text, &address) == 1
    }

    private static func isIPv6(_ text: String) -> Bool {
        var address = in6_addr()
        return inet_pton(AF_INET6, text, &address) == 1
    }
}
