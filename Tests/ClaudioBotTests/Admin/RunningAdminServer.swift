import Foundation
import Glibc
import Logging
import ServiceLifecycle

@testable import ClaudioBot

/// An `AdminServer` running in its own `ServiceGroup` on a socket inside a fresh temporary directory; the socket
/// sits in a `run/` subdirectory the server has to create. `stop()` shuts it down gracefully, `removeDirectory()`
/// deletes the temporary directory.
struct RunningAdminServer: Sendable {
    /// The temporary directory (kept short: a socket path must fit in 107 bytes).
    let directory: String
    let socketPath: String
    let server: AdminServer
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    static let quietLogger = Logger(label: "claudio.admin.test") { _ in SwiftLogNoOpLogHandler() }

    /// Starts a server and returns once it listens.
    /// - Parameter jobPeers: by default the daemon's own detector, with the test process as the daemon: every process
    ///   the test starts is then a job's.
    static func start(
        backend: any AdminBackend = FakeAdminBackend(), in directory: String? = nil,
        allowedPeerUIDs: Set<UInt32>? = nil, jobPeers: any JobPeerDetector = ProcessTreeJobPeerDetector()
    ) async throws -> RunningAdminServer {
        let directory = try directory ?? makeTemporaryDirectory()
        let socketPath = directory + "/run/admin.sock"
        let server = AdminServer(
            socketPath: socketPath, backend: backend, allowedPeerUIDs: allowedPeerUIDs, jobPeers: jobPeers,
            logger: quietLogger)
        let group = ServiceGroup(
            configuration: .init(services: [server], gracefulShutdownSignals: [], logger: quietLogger))
        let task = Task { try await group.run() }
        do {
            try await server.waitUntilListening()
        } catch {
            _ = await task.result
            throw error
        }
        return RunningAdminServer(
            directory: directory, socketPath: socketPath, server: server, group: group, task: task)
    }

    static func makeTemporaryDirectory() throws -> String {
        var template = Array("/tmp/claudio-admin-XXXXXX".utf8CString)
        guard let created = mkdtemp(&template) else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        return String(cString: created)
    }

    /// Shuts the server down gracefully and waits until it has stopped.
    func stop() async throws {
        await group.triggerGracefulShutdown()
        try await task.value
    }

    func removeDirectory() {
        try? FileManager.default.removeItem(atPath: directory)
    }
}
