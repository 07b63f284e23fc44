import Foundation

/// What the server answered. Every status is a response, not an error: callers decide what
/// 401, 409, 429 or 5xx mean for them.
public struct HTTPResponse: Sendable, Equatable {
    public var statusCode: Int
    /// The header fields of the final response (interim `100 Continue` and proxy `CONNECT`
    /// answers are dropped).
    public var headers: HTTPHeaders
    /// The body, already decompressed when the server used gzip or deflate.
    public var body: Data

    public init(statusCode: Int, headers: HTTPHeaders = [:], body: Data = Data()) {
        self.statusCode = statusCode
        self.headers = headers
        self.body = body
    }

    /// Whether the status is 2xx.
    public var isSuccess: Bool { (200..<300).contains(statusCode) }
}
