import Hummingbird
import Logging
import ServiceLifecycle
import Shared
import Synchronization

/// The `METRICS_LISTEN` listener (SPEC §16): `GET /metrics` over TCP for a Prometheus scraper, and nothing else.
/// Every other path and method is a 404, so nothing of the admin API ever reaches the network this way.
///
/// Run it in a `ServiceGroup`; ``waitUntilListening()`` returns the port it bound (the one asked for, or the one
/// the system picked for port 0).
final class MetricsServer: Service, Sendable {
    let address: MetricsListenAddress
    private let exposition: @Sendable () async throws -> String
    private let logger: Logger
    private let listening = ListeningSignal()
    private let boundPort = Mutex<Int?>(nil)

    /// - Parameters:
    ///   - address: where to listen.
    ///   - exposition: the metrics text, asked for at each scrape.
    init(address: MetricsListenAddress, logger: Logger, exposition: @escaping @Sendable () async throws -> String) {
        self.address = address
        self.exposition = exposition
        self.logger = logger
    }

    /// Returns the bound port once the listener accepts connections.
    /// - Throws: the error that stopped ``run()`` before it listened (e.g. the port is taken).
    func waitUntilListening() async throws -> Int {
        try await listening.wait()
        return boundPort.withLock { $0 } ?? address.port
    }

    func run() async throws {
        let router = Router()
        let exposition = exposition
        router.get("metrics") { _, _ in Response.prometheus(try await exposition()) }
        let application = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname(address.host, port: address.port)),
            onServerRunning: { [self] channel in
                let port = channel.localAddress?.port ?? address.port
                boundPort.withLock { $0 = port }
                logger.notice("metrics served at http://\(MetricsListenAddress(host: address.host, port: port))/metrics")
                listening.markListening()
            },
            logger: logger)
        do {
            try await application.run()
        } catch {
            listening.markFailed(error)
            throw MetricsServerError.cannotListen(address: address, reason: "\(error)")
        }
        listening.markFailed(CancellationError())
    }
}
