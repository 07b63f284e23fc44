import Foundation

/// Why ``HTTPClient/send(_:)`` produced no response.
///
/// Every URL and message in a case has already been through the client's ``Redactor`` when the
/// error is made, so printing, logging or dumping an error never shows a secret; curl's own
/// error text (which can quote host names and paths) included.
public enum HTTPClientError: Error, Sendable, Equatable {
    /// The request could not be handed to libcurl (a header with a line break, a bad option).
    case invalidRequest(url: String, reason: String)
    /// Name resolution or the TCP/Unix-socket connection failed.
    case couldNotConnect(url: String, message: String)
    /// The connect timeout or the total timeout elapsed.
    case timedOut(url: String, message: String)
    /// The response body exceeded the request's `maxResponseBytes`.
    case responseTooLarge(url: String, limit: Int)
    /// Any other libcurl failure (TLS, protocol, a dropped connection).
    case transferFailed(url: String, code: Int, message: String)
    /// The calling task was cancelled; the transfer was aborted.
    case cancelled(url: String)
    /// The client was shut down before the transfer finished.
    case clientShutDown(url: String)

    /// The request's URL, with secrets redacted.
    public var url: String {
        switch self {
        case .invalidRequest(let url, _), .couldNotConnect(let url, _), .timedOut(let url, _),
            .responseTooLarge(let url, _), .transferFailed(let url, _, _), .cancelled(let url),
            .clientShutDown(let url):
            url
        }
    }
}

extension HTTPClientError: CustomStringConvertible, LocalizedError {
    public var description: String {
        switch self {
        case .invalidRequest(let url, let reason):
            "invalid request to \(url): \(reason)"
        case .couldNotConnect(let url, let message):
            "could not connect for \(url): \(message)"
        case .timedOut(let url, let message):
            "timed out: \(url): \(message)"
        case .responseTooLarge(let url, let limit):
            "response from \(url) is larger than \(limit) bytes"
        case .transferFailed(let url, let code, let message):
            "transfer failed for \(url): curl error \(code): \(message)"
        case .cancelled(let url):
            "request to \(url) was cancelled"
        case .clientShutDown(let url):
            "request to \(url) not completed: the HTTP client was shut down"
        }
    }

    public var errorDescription: String? { description }
}
