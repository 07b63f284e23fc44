import Foundation

/// Makes Claudio's outbound HTTP calls (Telegram Bot API, Slack Web API, the console's calls over
/// the admin socket) with libcurl.
///
/// Every transfer runs on one dedicated thread driving a `curl_multi` handle, so many requests
/// (a 50 s long poll beside a burst of sends) proceed together without occupying the Swift
/// cooperative pool, and connections to the same host are reused.
///
/// - TLS certificates and host names are always verified.
/// - Proxies: libcurl's defaults are kept, so `http_proxy`, `https_proxy`, `all_proxy` and
///   `no_proxy` from the environment apply as they do for the `curl` command.
/// - Redirects are not followed.
/// - Secrets passed at init are removed from every error, including libcurl's own error text.
///
/// Call ``shutdown()`` (or drop the last reference) to stop the thread; unfinished requests then
/// fail with ``HTTPClientError/clientShutDown(url:)``.
public final class HTTPClient: Sendable {
    /// Removes the client's secrets from text; reuse it for log lines about requests.
    public let redactor: Redactor
    private let transfers: CurlTransferThread

    /// - Parameter secrets: values (bot token, app token) that must never appear in an error.
    public init(redacting secrets: [String] = []) {
        CurlLibrary.initialise()
        redactor = Redactor(secrets: secrets)
        transfers = CurlTransferThread(name: "claudio-http")
    }

    deinit {
        transfers.stop()
    }

    /// Sends `request` and returns the server's answer, whatever its status code.
    ///
    /// Cancelling the calling task aborts the transfer and throws
    /// ``HTTPClientError/cancelled(url:)``.
    /// - Throws: ``HTTPClientError``.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let transfer = try CurlTransfer(request: request, redactor: redactor)
        let transfers = self.transfers
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                transfer.attach(continuation)
                if !transfers.submit(transfer) {
                    transfer.finish(.failure(.clientShutDown(url: transfer.redactedURL)))
                }
            }
        } onCancel: {
            transfers.cancel(transfer)
        }
    }

    /// Stops the transfer thread: running and queued requests fail with
    /// ``HTTPClientError/clientShutDown(url:)`` and later ones are refused. Returns at once.
    public func shutdown() {
        transfers.stop()
    }
}
