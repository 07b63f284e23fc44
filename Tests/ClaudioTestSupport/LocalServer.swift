import Hummingbird
import HummingbirdCore
import Logging

/// The one way the tests' fake servers (Telegram, Slack, Anthropic, the HTTP client's) come up: a Hummingbird
/// application on a local address, alive for the length of a body that gets its port.
///
/// Each fake used to carry its own copy of this bootstrap, and each copy waited for the port on a stream that only
/// `onServerRunning` fed: a server that failed to bind left the test waiting forever. Here the stream also ends when
/// the server does, and the server's error is what the test sees.
package enum LocalServer {
    /// Runs `router` on `address` while `body` runs, then stops it.
    ///
    /// - Parameters:
    ///   - router: the routes; a `Router` or anything else that builds a responder.
    ///   - server: how connections are handled, `.http1()` or, say, `.http1WebSocketUpgrade { … }` for a fake that
    ///     also speaks WebSocket.
    ///   - address: a free port on 127.0.0.1, or a Unix socket.
    ///   - logLabel: the server's logger label; it logs only critical messages, so test output stays readable.
    ///   - body: the test's work, given the port the server listens on (0 on a Unix socket).
    ///   - beforeStopping: runs after `body`, whether it returned or threw, while the server still runs: a fake
    ///     answers the requests its handlers hold open (long polls, streams) so that stopping need not wait on them.
    /// - Returns: what `body` returns.
    /// - Throws: the server's error when it cannot start (a bind failure, say), `LocalServerError` when it stopped
    ///   before listening without one, `CancellationError` when the task was cancelled before the server listened,
    ///   or what `body` throws.
    package static func run<Routes: HTTPResponderBuilder, Value: Sendable>(
        router: Routes,
        server: HTTPServerBuilder = .http1(),
        address: LocalServerAddress = .loopbackFreePort,
        logLabel: String,
        _ body: (_ port: Int) async throws -> Value,
        beforeStopping: () async -> Void = {}
    ) async throws -> Value where Routes.Responder.Context: InitializableFromSource<ApplicationRequestContextSource> {
        let (ports, portSink) = AsyncStream<Int>.makeStream()
        var logger = Logger(label: logLabel)
        logger.logLevel = .critical
        let app = Application(
            router: router,
            server: server,
            configuration: .init(address: address.bindAddress),
            onServerRunning: { channel in
                portSink.yield(channel.localAddress?.port ?? 0)
                portSink.finish()
            },
            logger: logger
        )
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                // However the server ends, the wait for its port below must end too.
                defer { portSink.finish() }
                try await app.runService(gracefulShutdownSignals: [])
            }
            defer { group.cancelAll() }
            var portIterator = ports.makeAsyncIterator()
            guard let port = await portIterator.next() else {
                // The server ended (or this task was cancelled) before it listened: surface its error.
                try await group.next()
                try Task.checkCancellation()
                throw LocalServerError.stoppedBeforeListening
            }
            let value: Value
            do {
                value = try await body(port)
            } catch {
                await beforeStopping()
                throw error
            }
            await beforeStopping()
            return value
        }
    }
}
