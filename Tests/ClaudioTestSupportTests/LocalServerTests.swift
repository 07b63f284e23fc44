import ClaudioTestSupport
import Foundation
import Hummingbird
import Synchronization
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The bootstrap every fake server runs on: it serves, it stops, and a server that cannot start fails the test
/// instead of hanging it.
@Suite struct LocalServerTests {
    private static func pingRouter() -> Router<BasicRequestContext> {
        let router = Router()
        router.get("ping") { _, _ in "pong" }
        return router
    }

    @Test func servesTheRoutesOnAFreeLoopbackPort() async throws {
        let reply = try await LocalServer.run(router: Self.pingRouter(), logLabel: "tests.local-server") { port in
            #expect(port > 0)
            let (data, _) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)/ping")!)
            return String(decoding: data, as: UTF8.self)
        }
        #expect(reply == "pong")
    }

    @Test func bindsAUnixSocketAndReportsPortZero() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("claudio-ls-\(UUID()).sock").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let port = try await LocalServer.run(
            router: Self.pingRouter(), address: .unixSocket(path: path), logLabel: "tests.local-server"
        ) { port in
            #expect(FileManager.default.fileExists(atPath: path))
            return port
        }
        #expect(port == 0)
    }

    /// The old bootstraps waited for a port only `onServerRunning` could send; a bind failure never sent one.
    @Test func aBindFailureIsThrownNotAwaitedForever() async {
        let path = "/nonexistent-\(UUID())/server.sock"
        let error = await #expect(throws: (any Error).self) {
            try await LocalServer.run(
                router: Self.pingRouter(), address: .unixSocket(path: path), logLabel: "tests.local-server"
            ) { _ in
                Issue.record("the body ran although the server could not bind")
            }
        }
        if let error {
            #expect(!(error is LocalServerError), "the server's own error should surface, not \(error)")
        }
    }

    @Test func beforeStoppingRunsAfterTheBodyReturns() async throws {
        let steps = Mutex<[String]>([])
        let value = try await LocalServer.run(router: Self.pingRouter(), logLabel: "tests.local-server") { _ in
            steps.withLock { $0.append("body") }
            return 42
        } beforeStopping: {
            steps.withLock { $0.append("beforeStopping") }
        }
        #expect(value == 42)
        #expect(steps.withLock { $0 } == ["body", "beforeStopping"])
    }

    @Test func beforeStoppingRunsAndTheBodysErrorIsThrownWhenTheBodyThrows() async {
        struct BodyFailed: Error {}
        let ranBeforeStopping = Mutex(false)
        await #expect(throws: BodyFailed.self) {
            try await LocalServer.run(router: Self.pingRouter(), logLabel: "tests.local-server") { _ in
                throw BodyFailed()
            } beforeStopping: {
                ranBeforeStopping.withLock { $0 = true }
            }
        }
        #expect(ranBeforeStopping.withLock { $0 })
    }

    @Test func theServerIsGoneOnceRunReturns() async throws {
        // Tests run in parallel and the port is free again once the server stops, so another test's server may take
        // it: what must not answer is this server, recognised by a reply of its own.
        let token = UUID().uuidString
        let router = Router()
        router.get("ping") { _, _ in token }
        let port = try await LocalServer.run(router: router, logLabel: "tests.local-server") { $0 }
        let reply = try? await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)/ping")!)
        #expect(reply.map { String(decoding: $0.0, as: UTF8.self) } != token)
    }
}
