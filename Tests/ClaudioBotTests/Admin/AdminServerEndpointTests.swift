import Foundation
import Shared
import Testing

@testable import ClaudioBot

@Suite("Admin server endpoints through AdminClient (SPEC §6)", .timeLimit(.minutes(1)))
struct AdminServerEndpointTests {
    /// Runs `body` against a server serving `backend`, and stops the server whatever happens.
    func withServer(
        _ backend: FakeAdminBackend = FakeAdminBackend(), _ body: (AdminClient, RunningAdminServer) async throws -> Void
    ) async throws {
        let running = try await RunningAdminServer.start(backend: backend)
        defer { running.removeDirectory() }
        do {
            try await body(AdminClient(socketPath: running.socketPath), running)
        } catch {
            try? await running.stop()
            throw error
        }
        try await running.stop()
    }

    /// A plain HTTP request over the socket, for what `AdminClient` cannot send (bad queries, unknown routes).
    func send(_ method: Shared.HTTPMethod, _ path: String, to socketPath: String) async throws -> Shared.HTTPResponse {
        let http = HTTPClient()
        defer { http.shutdown() }
        return try await http.send(
            HTTPRequest(method: method, url: "http://localhost" + path, unixSocketPath: socketPath))
    }

    @Test("every endpoint answers the backend's values")
    func everyEndpoint() async throws {
        let backend = FakeAdminBackend()
        try await withServer(backend) { client, _ async throws in
            #expect(try await client.status() == FakeAdminBackend.statusAnswer)
            #expect(try await client.jobs() == FakeAdminBackend.jobsAnswer)
            #expect(try await client.job(id: "j1") == FakeAdminBackend.jobDetailAnswer)
            #expect(try await client.kill(jobID: "j1") == KillResponse(id: "j1", killed: true, processes: 3))
            #expect(try await client.rateLimits() == FakeAdminBackend.rateLimitsAnswer)
            #expect(try await client.denied() == DeniedResponse(denied: [FakeAdminBackend.deniedRecord]))
            #expect(try await client.denied(limit: 7).denied.count == 1)
            #expect(try await client.reload() == FakeAdminBackend.reloadAnswer)
            #expect(try await client.snapshot() == SnapshotResponse(
                status: FakeAdminBackend.statusAnswer, jobs: FakeAdminBackend.jobsAnswer.jobs,
                rateLimits: FakeAdminBackend.rateLimitsAnswer.rateLimits, denied: [FakeAdminBackend.deniedRecord],
                history: [FakeAdminBackend.historyEntry]))
            #expect(try await client.history() == HistoryResponse(jobs: [FakeAdminBackend.historyEntry]))
            #expect(try await client.history(limit: 3).jobs.count == 1)
            #expect(try await client.metrics() == FakeAdminBackend.metricsAnswer)
        }
        // The default limit, the explicit one, then the snapshot's default.
        #expect(await backend.deniedLimits == [50, 7, 50])
        #expect(await backend.historyLimits == [SnapshotResponse.historyRowLimit, 50, 3])
    }

    @Test("raw returns the daemon's JSON body unchanged")
    func rawBody() async throws {
        try await withServer { client, _ async throws in
            let body = try await client.raw(.status)
            #expect(body == (try AdminJSON.encoder.encode(FakeAdminBackend.statusAnswer)))
        }
    }

    @Test("killing an unknown job is refused with 404 and a message naming it")
    func killUnknownJob() async throws {
        try await withServer { client, _ async throws in
            let error = await #expect(throws: AdminClientError.self) { try await client.kill(jobID: "nope") }
            #expect(error == .refused(status: 404, message: "unknown job: nope"))
        }
    }

    @Test("the page of an unknown job is refused with 404 and a message naming it")
    func unknownJobPage() async throws {
        try await withServer { client, _ async throws in
            let error = await #expect(throws: AdminClientError.self) { try await client.job(id: "a/b c?d") }
            #expect(error == .refused(status: 404, message: "unknown job: a/b c?d"))
        }
    }

    @Test("a job ID is passed to the backend decoded, whatever characters it holds")
    func killEncodedJobID() async throws {
        try await withServer { client, _ async throws in
            let error = await #expect(throws: AdminClientError.self) { try await client.kill(jobID: "a/b c?d") }
            #expect(error == .refused(status: 404, message: "unknown job: a/b c?d"))
        }
    }

    @Test("a rejected reload is a 422 carrying the backend's message")
    func reloadRejected() async throws {
        let message = "ALLOWED_USER_IDS: \"12a\" is not a numeric user ID"
        let backend = FakeAdminBackend(reloadFailure: AdminReloadError(message: message))
        try await withServer(backend) { client, _ async throws in
            let error = await #expect(throws: AdminClientError.self) { try await client.reload() }
            #expect(error == .refused(status: 422, message: message))
        }
    }

    @Test("a limit outside 1…1000 or not a number is a 400", arguments: ["0", "1001", "abc", "-5", ""])
    func badDeniedLimit(limit: String) async throws {
        try await withServer { _, running async throws in
            for endpoint in ["denied", "history"] {
                let response = try await send(.get, "/v1/\(endpoint)?limit=\(limit)", to: running.socketPath)
                #expect(response.statusCode == 400)
                let body = try AdminJSON.decoder.decode(APIErrorBody.self, from: response.body)
                #expect(body.error.contains("limit must be an integer from 1 to 1000"))
            }
        }
    }

    @Test("/metrics answers the Prometheus text as text/plain version 0.0.4")
    func metricsText() async throws {
        try await withServer { _, running async throws in
            let response = try await send(.get, "/metrics", to: running.socketPath)
            #expect(response.statusCode == 200)
            #expect(response.headers["Content-Type"] == "text/plain; version=0.0.4; charset=utf-8")
            #expect(String(decoding: response.body, as: UTF8.self) == FakeAdminBackend.metricsAnswer)
        }
    }

    @Test("the client reports a bad limit as refused(400)")
    func badLimitThroughClient() async throws {
        try await withServer { client, _ async throws in
            let error = await #expect(throws: AdminClientError.self) { try await client.denied(limit: 0) }
            guard case .refused(let status, _) = error else {
                Issue.record("expected refused, got \(String(describing: error))")
                return
            }
            #expect(status == 400)
        }
    }

    @Test("unknown routes and wrong methods are 404 with an {\"error\"} body")
    func unknownRoute() async throws {
        try await withServer { _, running async throws in
            for (method, path) in [(Shared.HTTPMethod.get, "/v1/nothing"), (.get, "/"), (.get, "/v1/reload")] {
                let response = try await send(method, path, to: running.socketPath)
                #expect(response.statusCode == 404)
                #expect(response.headers["Content-Type"]?.hasPrefix("application/json") == true)
                let body = try AdminJSON.decoder.decode(APIErrorBody.self, from: response.body)
                #expect(body.error.contains(path))
            }
        }
    }

    @Test("an unexpected backend error is a 500 with an {\"error\"} body")
    func backendFailure() async throws {
        let running = try await RunningAdminServer.start(backend: FailingAdminBackend())
        defer { running.removeDirectory() }
        let error = await #expect(throws: AdminClientError.self) {
            try await AdminClient(socketPath: running.socketPath).status()
        }
        try await running.stop()
        guard case .refused(let status, let message) = error else {
            Issue.record("expected refused, got \(String(describing: error))")
            return
        }
        #expect(status == 500)
        #expect(message.contains("database is locked"))
    }
}

/// A backend whose every call fails with an error the server does not know.
private struct FailingAdminBackend: AdminBackend {
    struct Failure: Error, CustomStringConvertible {
        var description: String { "database is locked" }
    }

    func status() throws -> StatusResponse { throw Failure() }
    func jobs() throws -> JobsResponse { throw Failure() }
    func job(id: String) throws -> JobDetail? { throw Failure() }
    func kill(jobID: String) throws -> KillResponse? { throw Failure() }
    func rateLimits() throws -> RateLimitsResponse { throw Failure() }
    func denied(limit: Int) throws -> DeniedResponse { throw Failure() }
    func history(limit: Int) throws -> HistoryResponse { throw Failure() }
    func metrics() throws -> String { throw Failure() }
    func reload() throws -> ReloadResponse { throw Failure() }
}
