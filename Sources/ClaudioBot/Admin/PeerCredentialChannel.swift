import Glibc
import HummingbirdCore
import Logging
import NIOCore
import NIOPosix

/// The admin server's connection setup: checks the peer's credentials (`SO_PEERCRED`) of each accepted connection
/// and closes it before any HTTP is parsed unless the peer runs as one of `allowedUIDs`; allowed connections get
/// Hummingbird's ordinary HTTP/1.1 pipeline, except a job's processes (SPEC §12), whose every request is answered by
/// `refusal`.
///
/// The socket file's 0600 mode already keeps other users out; this is the second wall for when it does not (a
/// directory or file whose mode was loosened, a descriptor passed to another process). Jobs run as the daemon's own
/// user, so for them the peer's PID is what tells them apart.
struct PeerCredentialChannel: ServerChildChannel {
    typealias Value = AdminConnection

    let http: HTTP1Channel
    /// The same pipeline, answering every request with `JobPeerRefusal`.
    let refusal: HTTP1Channel
    let allowedUIDs: Set<UInt32>
    let jobPeers: any JobPeerDetector

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        guard let options = channel as? any SocketOptionProvider else {
            channel.close(promise: nil)
            return channel.eventLoop.makeFailedFuture(AdminServerError.peerRefused(uid: UInt32.max, pid: 0))
        }
        let (allowedUIDs, jobPeers, http) = (allowedUIDs, jobPeers, http)
        let credentials: EventLoopFuture<PeerCredentials> = options.unsafeGetSocketOption(
            level: SocketOptionLevel(SOL_SOCKET), name: SocketOptionName(SO_PEERCRED))
        return credentials
            .flatMap { peer -> EventLoopFuture<PeerCredentials> in
                guard allowedUIDs.contains(peer.uid) else {
                    let refusal = AdminServerError.peerRefused(uid: peer.uid, pid: peer.pid)
                    logger.warning("\(refusal)")
                    // A failed setup alone leaves the connection open: NIO expects the initializer to close it.
                    channel.close(promise: nil)
                    return channel.eventLoop.makeFailedFuture(refusal)
                }
                return channel.eventLoop.makeSucceededFuture(peer)
            }
            .flatMap { peer -> EventLoopFuture<Value> in
                // The procfs reads are small, but reading a process's environ waits for its memory-map lock, which
                // that process can hold: never on the event loop (nor the cooperative pool), on NIO's blocking pool.
                NIOThreadPool.singleton.runIfActive(eventLoop: channel.eventLoop) { jobPeers.isJobProcess(peer.pid) }
                    .flatMap { isJobPeer in
                        if isJobPeer {
                            logger.warning("refused the admin API to pid \(peer.pid): it is one of a job's processes")
                        }
                        return http.setup(channel: channel, logger: logger).map {
                            AdminConnection(http: $0, isJobPeer: isJobPeer)
                        }
                    }
            }
            .flatMapErrorThrowing { error in
                channel.close(promise: nil)
                throw error
            }
    }

    func handle(value: Value, logger: Logger) async {
        await (value.isJobPeer ? refusal : http).handle(value: value.http, logger: logger)
    }
}
