import NIOCore
import NIOPosix
import Synchronization

/// Writes to a child's standard input for as long as it runs, on SwiftNIO's event loops: chunks go out in order, a
/// child that reads slowly holds back only its own pipe (never a thread, the cooperative pool or the caller), and the
/// pipe is closed after the last chunk when `close()` is called. Writes after the child went away (EPIPE) are dropped.
final class StandardInputWriter: Sendable {
    /// The pipe's channel, once NIO has registered it. Every write and the close are chained on this future: callbacks
    /// added from outside the event loop run there in the order they were added, so the chunks keep their order.
    private let channel: EventLoopFuture<any Channel>
    private let isClosing = Mutex(false)

    /// Takes ownership of `fd`.
    init(fd: Int32) {
        channel = NIOPipeBootstrap(group: MultiThreadedEventLoopGroup.singleton).takingOwnershipOfDescriptor(output: fd)
    }

    deinit {
        close()
    }

    /// Queues `bytes`; ignored once `close()` was called.
    func write(_ bytes: [UInt8]) {
        isClosing.withLock { isClosing in
            guard !isClosing else { return }
            channel.whenSuccess { $0.writeAndFlush(ByteBuffer(bytes: bytes), promise: nil) }
        }
    }

    /// Closes the pipe after what was queued (the child sees EOF). Later calls do nothing.
    func close() {
        _ = closeAfterQueued()
    }

    /// Queues `bytes` as the last chunk and closes the pipe after it.
    /// - Returns: whether the child took everything written (false when it exited or closed its stdin first).
    func writeLast(_ bytes: [UInt8]) async -> Bool {
        write(bytes)
        guard let written = closeAfterQueued() else { return false }
        return (try? await written.get()) != nil
    }

    /// Closes the pipe once every queued chunk is written; nil when it was already closing. The future fails when a
    /// queued chunk could not be written.
    private func closeAfterQueued() -> EventLoopFuture<Void>? {
        isClosing.withLock { isClosing in
            guard !isClosing else { return nil }
            isClosing = true
            // Writes complete in order, so an empty one completes after everything before it; its outcome is the
            // outcome of the whole stream, since a failed write closes the channel and fails every later one.
            return channel.flatMap { channel in
                channel.writeAndFlush(ByteBuffer()).always { _ in channel.close(promise: nil) }
            }
        }
    }
}
