import NIOCore
import NIOPosix

/// Reads a child's output pipes on SwiftNIO's event loops — the threads the admin server and the Slack socket already
/// run on. A pipe waits in epoll rather than in a thread of its own, so a job starts no thread for its output and no
/// read blocks the cooperative pool.
enum OutputPump {
    /// Reads `fd` until EOF, yielding each chunk, then closes it. The pipe is drained even after the consumer stops
    /// listening, so the child never blocks on a full pipe.
    static func stream(from fd: Int32) -> AsyncStream<[UInt8]> {
        let (stream, continuation) = AsyncStream.makeStream(of: [UInt8].self)
        NIOPipeBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ChunkForwarder(continuation))
                }
            }
            .takingOwnershipOfDescriptor(input: fd)
            // A failure before the channel exists means `fd` was not an open pipe; after, NIO has closed it. Either
            // way there is nothing left to close here, only the stream to end.
            .whenFailure { _ in continuation.finish() }
        return stream
    }
}

/// Hands each chunk read from a pipe to a stream, and ends the stream when the pipe closes (EOF or an error).
private final class ChunkForwarder: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    private let continuation: AsyncStream<[UInt8]>.Continuation

    init(_ continuation: AsyncStream<[UInt8]>.Continuation) {
        self.continuation = continuation
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = unwrapInboundIn(data)
        continuation.yield(Array(buffer.readableBytesView))
    }

    func channelInactive(context: ChannelHandlerContext) {
        continuation.finish()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}
