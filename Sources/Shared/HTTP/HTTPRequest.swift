/// One outbound HTTP call, sent with ``HTTPClient/send(_:)``.
///
/// Redirects are not followed: the Bot API and Slack Web API do not redirect, and following one
/// would carry the request (and a token in its URL) to a host nobody chose.
public struct HTTPRequest: Sendable, Equatable {
    public static let defaultConnectTimeout: Duration = .seconds(10)
    public static let defaultTotalTimeout: Duration = .seconds(60)
    public static let defaultMaxResponseBytes = 8 * 1024 * 1024

    public var method: HTTPMethod
    /// An `http` or `https` URL. It may hold a secret (the Telegram bot token); errors show it
    /// only after the client's ``Redactor`` has removed the secrets.
    public var url: String
    public var headers: HTTPHeaders
    public var body: HTTPRequestBody
    /// How long connecting (DNS, TCP, TLS) may take.
    public var connectTimeout: Duration
    /// How long the whole exchange may take; a long poll sets its poll timeout plus a margin.
    public var totalTimeout: Duration
    /// The largest response body accepted; a bigger one aborts with
    /// ``HTTPClientError/responseTooLarge(url:limit:)``.
    public var maxResponseBytes: Int
    /// When set, the request goes over this Unix-domain socket instead of TCP; the URL still
    /// names the path and `Host` (e.g. `http://localhost/v1/status`).
    public var unixSocketPath: String?

    /// - Parameters:
    ///   - method: the HTTP method.
    ///   - url: an `http` or `https` URL.
    ///   - headers: request header fields; `Content-Type` is filled in from `body` when absent.
    ///   - body: what to send after the headers.
    ///   - connectTimeout: how long connecting may take (default 10 s).
    ///   - totalTimeout: how long the whole exchange may take (default 60 s).
    ///   - maxResponseBytes: the largest response body accepted (default 8 MiB).
    ///   - unixSocketPath: a Unix-domain socket to connect to instead of the URL's host.
    public init(
        method: HTTPMethod = .get,
        url: String,
        headers: HTTPHeaders = [:],
        body: HTTPRequestBody = .none,
        connectTimeout: Duration = HTTPRequest.defaultConnectTimeout,
        totalTimeout: Duration = HTTPRequest.defaultTotalTimeout,
        maxResponseBytes: Int = HTTPRequest.defaultMaxResponseBytes,
        unixSocketPath: String? = nil
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.maxResponseBytes = maxResponseBytes
        self.unixSocketPath = unixSocketPath
    }
}

// The URL may carry a token and a request has no redactor, so its printed form names only the
// method, scheme and host.
extension HTTPRequest: CustomStringConvertible, CustomDebugStringConvertible {
    public var description: String {
        let origin: Substring
        if let schemeEnd = url.range(of: "://") {
            let rest = url[schemeEnd.upperBound...]
            origin = url[..<(rest.firstIndex(where: { "/?#".contains($0) }) ?? url.endIndex)]
        } else {
            origin = ""
        }
        return "\(method.rawValue) \(origin)/…"
    }

    public var debugDescription: String { description }
}
