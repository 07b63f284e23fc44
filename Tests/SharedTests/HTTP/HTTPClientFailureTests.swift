import Foundation
import Testing

@testable import Shared

/// Requests that fail: each failure is a specific ``HTTPClientError``, arrives promptly, and
/// never blocks other requests.
@Suite struct HTTPClientFailureTests {
    @Test func connectionRefusedIsCouldNotConnect() async throws {
        let refusing = try RefusingPort()
        let client = HTTPClient()
        defer { client.shutdown() }
        let error = try await failure(of: HTTPRequest(url: "http://127.0.0.1:\(refusing.port)/"), on: client)
        guard case .couldNotConnect(_, let message) = error else {
            Issue.record("expected couldNotConnect, got \(error)")
            return
        }
        #expect(!message.isEmpty)
    }

    @Test func missingUnixSocketIsCouldNotConnect() async throws {
        let client = HTTPClient()
        defer { client.shutdown() }
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("claudio-no-such-\(UUID().uuidString).sock").path
        let error = try await failure(of: HTTPRequest(url: "http://localhost/v1/status", unixSocketPath: missing), on: client)
        guard case .couldNotConnect = error else {
            Issue.record("expected couldNotConnect, got \(error)")
            return
        }
    }

    @Test func slowHandlerHitsTheTotalTimeout() async throws {
        try await LocalTestServer.withServer { server in
            let client = HTTPClient()
            defer { client.shutdown() }
            let request = HTTPRequest(url: server.baseURL + "/slow?ms=10000", totalTimeout: .milliseconds(300))
            let started = ContinuousClock.now
            let error = try await failure(of: request, on: client)
            guard case .timedOut = error else {
                Issue.record("expected timedOut, got \(error)")
                return
            }
            #expect(ContinuousClock.now - started < .seconds(9))
        }
    }

    @Test(arguments: ["/big", "/big-stream"])
    func bodyOverTheCapIsResponseTooLarge(path: String) async throws {
        try await LocalTestServer.withServer { server in
            let client = HTTPClient()
            defer { client.shutdown() }
            let request = HTTPRequest(url: server.baseURL + path + "?bytes=2000000", maxResponseBytes: 1_000_000)
            let error = try await failure(of: request, on: client)
            #expect(error == .responseTooLarge(url: request.url, limit: 1_000_000))
        }
    }

    @Test func bodyExactlyAtTheCapIsAccepted() async throws {
        try await LocalTestServer.withServer { server in
            let client = HTTPClient()
            defer { client.shutdown() }
            let request = HTTPRequest(url: server.baseURL + "/big-stream?bytes=200000", maxResponseBytes: 200_000)
            let response = try await client.send(request)
            #expect(response.body.count == 200_000)
        }
    }

    @Test func aSlowRequestDoesNotBlockTwentyFastOnes() async throws {
        try await LocalTestServer.withServer { server in
            let client = HTTPClient()
            defer { client.shutdown() }
            let slow = Task { try await client.send(HTTPRequest(url: server.baseURL + "/slow?ms=20000")) }
            defer { slow.cancel() }
            var arrivals = server.arrivals.makeAsyncIterator()
            _ = await arrivals.next()

            let started = ContinuousClock.now
            let bodies = try await withThrowingTaskGroup(of: Data.self) { group in
                for index in 0..<20 {
                    group.addTask {
                        let request = HTTPRequest(method: .post, url: server.baseURL + "/echo", body: .json(Data("\(index)".utf8)))
                        return try await client.send(request).body
                    }
                }
                return try await group.reduce(into: Set<Data>()) { $0.insert($1) }
            }
            #expect(bodies == Set((0..<20).map { Data("\($0)".utf8) }))
            #expect(ContinuousClock.now - started < .seconds(18))
        }
    }

    @Test func cancellingTheTaskAbortsALongRequestPromptly() async throws {
        try await LocalTestServer.withServer { server in
            let client = HTTPClient()
            defer { client.shutdown() }
            let request = HTTPRequest(url: server.baseURL + "/slow?ms=30000")
            let longPoll = Task { try await client.send(request) }
            var arrivals = server.arrivals.makeAsyncIterator()
            _ = await arrivals.next()

            let cancelled = ContinuousClock.now
            longPoll.cancel()
            let result = await longPoll.result
            #expect(ContinuousClock.now - cancelled < .seconds(2))
            #expect(throws: HTTPClientError.cancelled(url: request.url)) { try result.get() }
        }
    }

    @Test func aTaskCancelledBeforeSendingNeverStartsTheTransfer() async throws {
        try await LocalTestServer.withServer { server in
            let client = HTTPClient()
            defer { client.shutdown() }
            let request = HTTPRequest(url: server.baseURL + "/slow?ms=30000")
            let task = Task {
                withUnsafeCurrentTask { $0?.cancel() }
                return try await client.send(request)
            }
            await #expect(throws: HTTPClientError.cancelled(url: request.url)) { try await task.value }
        }
    }

    @Test func shutdownFailsRunningRequestsAndRefusesNewOnes() async throws {
        try await LocalTestServer.withServer { server in
            let client = HTTPClient()
            let request = HTTPRequest(url: server.baseURL + "/slow?ms=30000")
            let running = Task { try await client.send(request) }
            var arrivals = server.arrivals.makeAsyncIterator()
            _ = await arrivals.next()

            client.shutdown()
            await #expect(throws: HTTPClientError.clientShutDown(url: request.url)) { try await running.value }
            await #expect(throws: HTTPClientError.clientShutDown(url: request.url)) { try await client.send(request) }
        }
    }

    @Test func headerWithALineBreakIsRejectedBeforeSending() async throws {
        let client = HTTPClient()
        defer { client.shutdown() }
        let request = HTTPRequest(url: "http://127.0.0.1:9/", headers: ["X-Injected": "a\r\nHost: elsewhere"])
        let error = try await failure(of: request, on: client)
        guard case .invalidRequest = error else {
            Issue.record("expected invalidRequest, got \(error)")
            return
        }
    }
}

/// The error `request` fails with; records an issue when it succeeds instead.
func failure(of request: HTTPRequest, on client: HTTPClient) async throws -> HTTPClientError {
    do {
        let response = try await client.send(request)
        Issue.record("expected a failure, got status \(response.statusCode)")
        throw CancellationError()
    } catch let error as HTTPClientError {
        return error
    }
}
