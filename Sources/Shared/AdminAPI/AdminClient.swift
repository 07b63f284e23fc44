import Foundation
import Glibc

/// Talks to a running daemon over its admin socket (SPEC §6): the scripting CLI (`claudio status`, `claudio kill`…)
/// and the console use it.
///
/// Each call is one HTTP/1.1 request over the Unix-domain socket, made with ``HTTPClient``. Failures are
/// ``AdminClientError``s that tell "no daemon there" (``AdminClientError/unreachable(path:reason:)``) from "the
/// daemon said no" (``AdminClientError/refused(status:message:)``); cancelling the calling task throws
/// `CancellationError`.
public struct AdminClient: Sendable {
    /// The daemon's admin socket.
    public let socketPath: String
    /// How long one call may take, connecting included.
    public var timeout: Duration
    private let http: HTTPClient

    /// - Parameters:
    ///   - socketPath: the admin socket (`CLAUDIO_ADMIN_SOCKET` or its default).
    ///   - timeout: how long one call may take (default 10 s).
    ///   - http: the client to send with; by default one of its own (a console polling every second reuses it).
    public init(socketPath: String, timeout: Duration = .seconds(10), http: HTTPClient = HTTPClient()) {
        self.socketPath = socketPath
        self.timeout = timeout
        self.http = http
    }

    // MARK: Endpoints

    /// `GET /v1/status`.
    public func status() async throws -> StatusResponse { try await fetch(.status) }

    /// `GET /v1/jobs`.
    public func jobs() async throws -> JobsResponse { try await fetch(.jobs) }

    /// `GET /v1/jobs/{id}`: the job's row, whole prompt, deadline, process tree and latest activity.
    /// - Throws: ``AdminClientError/refused(status:message:)`` with status 404 for a job that is not queued or running.
    public func job(id: String) async throws -> JobDetail { try await fetch(.job(id: id)) }

    /// `POST /v1/jobs/{id}/kill`: stops the job's whole process tree.
    /// - Throws: ``AdminClientError/refused(status:message:)`` with status 404 for an unknown job.
    public func kill(jobID: String) async throws -> KillResponse { try await fetch(.kill(jobID: jobID)) }

    /// `GET /v1/rate-limits`.
    public func rateLimits() async throws -> RateLimitsResponse { try await fetch(.rateLimits) }

    /// `GET /v1/denied`, newest first.
    /// - Parameter limit: how many records (1…1000); nil for the daemon's default of 50.
    public func denied(limit: Int? = nil) async throws -> DeniedResponse { try await fetch(.denied(limit: limit)) }

    /// `POST /v1/reload`: re-reads the env file's allowlists.
    /// - Throws: ``AdminClientError/refused(status:message:)`` with status 422 when the file is invalid (the old
    ///   lists stay in force).
    public func reload() async throws -> ReloadResponse { try await fetch(.reload) }

    /// `GET /v1/snapshot`: status, jobs, rate limits, denied records and recent history in one answer.
    public func snapshot() async throws -> SnapshotResponse { try await fetch(.snapshot) }

    /// `GET /v1/approvals`: tool requests waiting for an answer.
    public func approvals() async throws -> ApprovalsResponse { try await fetch(.approvals) }

    /// `POST /v1/approvals/{id}`: the operator allows or denies a waiting tool request.
    /// - Throws: ``AdminClientError/refused(status:message:)`` with 404 for an unknown request, 409 for one that is no
    ///   longer waiting.
    public func decide(approvalID: String, _ decision: OperatorDecision) async throws -> OperatorDecisionResponse {
        try await fetch(.decide(approvalID: approvalID, decision))
    }

    /// `GET /v1/approvals/history`, newest first.
    public func approvalHistory(limit: Int? = nil) async throws -> ApprovalHistoryResponse {
        try await fetch(.approvalHistory(limit: limit))
    }
    /// `GET /v1/history`: finished jobs, the most recently ended first.
    /// - Parameter limit: how many jobs (1…1000); nil for the daemon's default of 50.
    public func history(limit: Int? = nil) async throws -> HistoryResponse { try await fetch(.history(limit: limit)) }

    /// `GET /metrics`: the daemon's metrics in the Prometheus text format.
    public func metrics() async throws -> String { String(decoding: try await raw(.metrics), as: UTF8.self) }

    /// Sends `endpoint` and returns the daemon's 2xx body unchanged, for `--json`.
    /// - Throws: ``AdminClientError`` (a 4xx/5xx answer is ``AdminClientError/refused(status:message:)``), or
    ///   `CancellationError`.
    public func raw(_ endpoint: AdminEndpoint) async throws -> Data {
        let request = HTTPRequest(
            method: endpoint.method, url: "http://localhost" + endpoint.path, headers: ["Accept": "application/json"],
            body: endpoint.body.map { HTTPRequestBody.bytes($0, contentType: "application/json") } ?? .none,
            connectTimeout: min(timeout, .seconds(5)), totalTimeout: timeout, unixSocketPath: socketPath)
        let response: HTTPResponse
        do {
            response = try await http.send(request)
        } catch let error as HTTPClientError {
            throw translate(error)
        }
        guard response.isSuccess else {
            throw AdminClientError.refused(status: response.statusCode, message: Self.errorMessage(in: response))
        }
        return response.body
    }

    // MARK: Helpers

    private func fetch<Answer: Decodable>(_ endpoint: AdminEndpoint) async throws -> Answer {
        let body = try await raw(endpoint)
        do {
            return try AdminJSON.decoder.decode(Answer.self, from: body)
        } catch {
            throw AdminClientError.invalidResponse(reason: "\(endpoint.path): \(error)")
        }
    }

    private func translate(_ error: HTTPClientError) -> any Error {
        switch error {
        case .cancelled:
            return CancellationError()
        case .couldNotConnect(_, let message):
            return AdminClientError.unreachable(path: socketPath, reason: Self.whyNotConnectable(socketPath) ?? message)
        case .timedOut:
            return AdminClientError.unreachable(path: socketPath, reason: "no answer within \(timeout)")
        case .transferFailed(_, let code, let message) where Self.closedWithoutAnswer.contains(code):
            return AdminClientError.unreachable(path: socketPath, reason: Self.closedWithoutAnswerReason(message))
        case .transferFailed(_, _, let message), .invalidRequest(_, let message):
            return AdminClientError.unreachable(path: socketPath, reason: message)
        case .responseTooLarge(_, let limit):
            return AdminClientError.invalidResponse(reason: "answer larger than \(limit) bytes")
        case .clientShutDown:
            return AdminClientError.unreachable(path: socketPath, reason: "the HTTP client was shut down")
        }
    }

    /// libcurl's CURLE_SEND_ERROR (55), CURLE_GOT_NOTHING (52) and CURLE_RECV_ERROR (56): the connection was accepted
    /// and then closed, which is how the daemon turns away a peer of another uid.
    private static let closedWithoutAnswer: Set<Int> = [52, 55, 56]

    /// A plainer reason than libcurl's "Couldn't connect to server", found by looking at the socket path. A daemon
    /// that turns a peer away closes the connection at once, which libcurl may also report as a failed connect.
    private static func whyNotConnectable(_ path: String) -> String? {
        var info = stat()
        if lstat(path, &info) != 0 {
            switch errno {
            case ENOENT, ENOTDIR: return "no socket there (is `claudio run` running?)"
            case EACCES: return "permission denied on the socket's directory"
            default: return nil
            }
        }
        if info.st_mode & S_IFMT != S_IFSOCK { return "\(path) is not a socket" }
        switch UnixSocketProbe.probe(path) {
        case .accepting: return closedWithoutAnswerReason("connection closed at once")
        case .notListening: return "connection refused (a socket left by a daemon that is no longer running)"
        case .failed(let code) where code == EACCES: return "permission denied (the socket belongs to another user)"
        case .failed: return nil
        }
    }

    private static func closedWithoutAnswerReason(_ detail: String) -> String {
        "the daemon closed the connection without answering (\(detail)); it serves only its own user and root"
    }

    private static func errorMessage(in response: HTTPResponse) -> String {
        if let body = try? AdminJSON.decoder.decode(APIErrorBody.self, from: response.body) { return body.error }
        let text = String(decoding: response.body.prefix(200), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? "HTTP status \(response.statusCode)" : text
    }
}
