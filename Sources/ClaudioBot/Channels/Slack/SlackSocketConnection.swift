import Logging
import Synchronization
import WSClient

/// One Socket Mode WebSocket connection, from connecting to its end.
///
/// Every envelope is acknowledged the moment it is read, before anything else happens: the work is handed to
/// `onEnvelope`, which must return at once, so an acknowledgement never waits behind a running job (Slack redelivers
/// an envelope not acknowledged within 3 s). WSClient answers Slack's pings; its own pings notice a connection that
/// died without a close.
final class SlackSocketConnection: Sendable {
    /// How a connection ended.
    struct Outcome: Sendable, Equatable {
        /// Whether Slack said `hello`: the connection worked, so the next one starts without backoff.
        var receivedHello = false
        /// The `disconnect` reason Slack gave; nil when the socket ended without one (dropped, or shutdown).
        var disconnectReason: String?
    }

    private let url: String
    private let pingInterval: Duration
    private let onHello: @Sendable () -> Void
    private let onEnvelope: @Sendable (SlackEnvelope) -> Void
    private let outcome = Mutex(Outcome())
    private let logger: Logger

    /// - Parameters:
    ///   - url: the URL `apps.connections.open` returned (good for one connection).
    ///   - pingInterval: how often to ping Slack; a ping unanswered for as long closes the connection.
    ///   - onHello: called when Slack says `hello`.
    ///   - onEnvelope: called with each envelope after its acknowledgement was written; must not block.
    init(
        url: String, pingInterval: Duration, logger: Logger, onHello: @escaping @Sendable () -> Void,
        onEnvelope: @escaping @Sendable (SlackEnvelope) -> Void
    ) {
        self.url = url
        self.pingInterval = pingInterval
        self.logger = logger
        self.onHello = onHello
        self.onEnvelope = onEnvelope
    }

    /// Connects and reads until Slack disconnects, the socket drops or the task is cancelled.
    /// - Throws: when the connection cannot be made or breaks with a protocol error.
    func run() async throws -> Outcome {
        let configuration = WebSocketClientConfiguration(
            maxFrameSize: 1 << 20, closeTimeout: .seconds(2), autoPing: .enabled(timePeriod: pingInterval))
        var socketLogger = logger
        // At trace level WSClient logs every frame, prompts and response URLs (credentials) included.
        socketLogger.logLevel = max(logger.logLevel, .info)
        let client = WebSocketClient(
            url: url, configuration: configuration, proxySettings: .environment(), logger: socketLogger
        ) { inbound, outbound, _ in
            for try await frame in inbound.messages(maxSize: 8 << 20) {
                guard case .text(let text) = frame else { continue }
                if try await self.handle(text, outbound: outbound) == false { return }
            }
        }
        try await client.run()
        return outcome.withLock { $0 }
    }

    /// Handles one text frame; returns false when the connection should close.
    private func handle(_ text: String, outbound: WebSocketOutboundWriter) async throws -> Bool {
        let message: SlackSocketMessage
        do {
            message = try SlackSocketMessage(json: text)
        } catch {
            logger.warning("skipped a Socket Mode frame that is not a Slack message (\(text.utf8.count) bytes)")
            return true
        }
        switch message {
        case .hello:
            outcome.withLock { $0.receivedHello = true }
            onHello()
        case .disconnect(let reason):
            outcome.withLock { $0.disconnectReason = reason }
            return false
        case .envelope(let envelope):
            try await outbound.write(.text(envelope.acknowledgement))
            onEnvelope(envelope)
        case .unknown(let type):
            logger.debug("ignored Socket Mode message of type \(type)")
        }
        return true
    }
}
