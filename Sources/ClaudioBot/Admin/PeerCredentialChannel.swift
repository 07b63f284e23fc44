import Glibc
import HummingbirdCore
import Logging
import NIOCore

/// The admin server's connection setup: checks the peer's credentials (`SO_PEERCRED`) of each accepted connection
/// and closes it before any HTTP is parsed unless the peer runs as one of `allowedUIDs`; allowed connections get
/// Hummingbird's ordinary HTTP/1.1 pipeline.
///
/// The socket file's 0600 mode already keeps other users out; this is the second wall for when it does not (a
/// directory or file whose mode was loosened, a descriptor passed to another process).
struct PeerCredentialChannel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value

    let http: HTTP1Channel
    let allowedUIDs: Set<UInt32>

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        guard let options = channel as? any SocketOptionProvider else {
            channel.close(promise: nil)
            return channel.eventLoop.makeFailedFuture(AdminServerError.peerRefused(uid: UInt32.max, pid: 0))
        }
        let allowedUIDs = allowedUIDs
        let http = http
        let credentials: EventLoopFuture<PeerCredentials> = options.unsafeGetSocketOption(
            level: SocketOptionLevel(SOL_SOCKET), name: SocketOptionName(SO_PEERCRED))
        return credentials
            .flatMap { peer -> EventLoopFuture<Value> in
                guard allowedUIDs.contains(peer.uid) else {
                    let refusal = AdminServerError.peerRefused(uid: peer.uid, pid: peer.pid)
                    logger.warning("\(refusal)")
                    // A failed setup alone leaves the connection open: NIO expects the initializer to close it.
                    channel.close(promise: nil)
                    return channel.eventLoop.makeFailedFuture(refusal)
                }
                return http.setup(channel: channel, logger: logger)
            }
            .flatMapErrorThrowing { error in
                channel.close(promise: nil)
                throw error
            }
    }

    func handle(value: Value, logger: Logger) async {
        await http.handle(value: value, logger: logger)
    }
}
