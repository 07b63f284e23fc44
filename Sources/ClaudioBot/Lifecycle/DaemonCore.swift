import Logging
import ServiceLifecycle
import Shared

/// The daemon's message side as a service: waits for the admin socket, serves the channels until graceful shutdown,
/// then stops intake and kills every job (telling their chats) before the admin socket goes away.
struct DaemonCore: Service {
    let parts: DaemonParts
    let channels: [any ChatChannel]
    let admin: AdminServer
    let logger: Logger

    func run() async throws {
        try await admin.waitUntilListening()
        logger.notice(
            "Claudio \(ClaudioVersion.current) ready: channels \(channels.map(\.platform.rawValue).joined(separator: ", ")), admin socket \(admin.socketPath)")
        do {
            try await cancelWhenGracefulShutdown {
                try await withThrowingDiscardingTaskGroup { group in
                    for channel in channels {
                        group.addTask { try await channel.run() }
                    }
                }
                // Channels only return when cancelled; keep serving the admin API until the signal regardless.
                try await gracefulShutdown()
            }
        } catch is CancellationError {
            // Graceful shutdown cancelled the channels: intake has stopped.
        } catch {
            await stopJobs()
            throw error
        }
        await stopJobs()
    }

    private func stopJobs() async {
        logger.notice("stopping: killing running jobs")
        await parts.stopJobs()
    }
}
