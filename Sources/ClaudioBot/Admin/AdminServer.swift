import Glibc
import Hummingbird
import HummingbirdCore
import Logging
import ServiceLifecycle
import Synchronization

/// Serves the admin API (SPEC §6): HTTP/1.1 + JSON over a Unix-domain socket, for `claudio status`/`kill`/…, the
/// console and `curl --unix-socket`.
///
/// Starting (in ``run()``): the socket's directory is created with mode 0700 if missing, and an existing one must be
/// the daemon's user's (one open to others is narrowed to 0700, someone else's stops the start); a socket already at
/// the path is probed, so a live daemon's makes start fail with `AdminServerError.anotherDaemonServing` and a dead
/// daemon's is replaced; the socket is bound under a 0177 umask, so it is 0600 from the start. Each connection's peer
/// credentials are checked: only the daemon's own uid and root are served, and a job's processes get 403 on every
/// endpoint (SPEC §12). Stopping (graceful shutdown or cancellation) closes the socket and removes its file.
///
/// Run it in a `ServiceGroup`; ``waitUntilListening()`` returns once the socket accepts connections.
final class AdminServer: Service, Sendable {
    /// The socket path (`CLAUDIO_ADMIN_SOCKET`).
    let socketPath: String
    private let backend: any AdminBackend
    private let allowedPeerUIDs: Set<UInt32>
    private let jobPeers: any JobPeerDetector
    private let logger: Logger
    private let listening = ListeningSignal()
    private let started = Atomic(false)

    /// - Parameters:
    ///   - socketPath: where to listen.
    ///   - backend: what answers the requests.
    ///   - allowedPeerUIDs: the uids served; by default the daemon's effective uid and root.
    ///   - jobPeers: recognises a job's processes among the peers; by default by their descent from this process.
    ///   - logger: for refused connections and failed requests.
    init(
        socketPath: String, backend: any AdminBackend, allowedPeerUIDs: Set<UInt32>? = nil,
        jobPeers: any JobPeerDetector = ProcessTreeJobPeerDetector(), logger: Logger
    ) {
        self.socketPath = socketPath
        self.backend = backend
        self.allowedPeerUIDs = allowedPeerUIDs ?? [geteuid(), 0]
        self.jobPeers = jobPeers
        self.logger = logger
    }

    /// Returns once the socket accepts connections.
    /// - Throws: the error that stopped ``run()`` before it listened (`AdminServerError.anotherDaemonServing`…).
    func waitUntilListening() async throws {
        try await listening.wait()
    }

    /// Listens until graceful shutdown or cancellation, then removes the socket file. Call it once.
    /// - Throws: `AdminServerError` when the socket cannot be set up, or the server's error.
    func run() async throws {
        precondition(!started.exchange(true, ordering: .relaxed), "AdminServer.run() may be called only once")
        do {
            try await serve()
        } catch {
            listening.markFailed(error)
            throw error
        }
        listening.markFailed(CancellationError())
    }

    private func serve() async throws {
        let socketFile = AdminSocketFile(path: socketPath)
        if let formerMode = try socketFile.prepareForBind() {
            let was = String(formerMode, radix: 8)
            logger.notice("made the admin socket's directory \(socketFile.directory) private: mode 700 (it was \(was))")
        }

        let boundFile = Mutex<FileIdentity?>(nil)
        let mask = await SocketCreationMask.shared.begin(0o177)
        let application = Application(
            router: AdminRoutes.router(serving: backend),
            server: HTTPServerBuilder { [allowedPeerUIDs, jobPeers] responder in
                PeerCredentialChannel(
                    http: HTTP1Channel(responder: responder, configuration: .init(idleTimeout: .seconds(60))),
                    refusal: HTTP1Channel(
                        responder: JobPeerRefusal.responder, configuration: .init(idleTimeout: .seconds(60))),
                    allowedUIDs: allowedPeerUIDs, jobPeers: jobPeers)
            },
            configuration: ApplicationConfiguration(address: .unixDomainSocket(path: socketPath)),
            onServerRunning: { [listening] _ in
                await SocketCreationMask.shared.end(mask)
                boundFile.withLock { $0 = socketFile.currentIdentity() }
                listening.markListening()
            },
            logger: logger
        )
        do {
            try await application.run()
        } catch {
            await SocketCreationMask.shared.end(mask)
            if let identity = boundFile.withLock({ $0 }) { socketFile.remove(ifStill: identity) }
            throw error
        }
        await SocketCreationMask.shared.end(mask)
        if let identity = boundFile.withLock({ $0 }) { socketFile.remove(ifStill: identity) }
    }
}
