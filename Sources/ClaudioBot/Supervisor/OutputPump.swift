import Foundation
import Glibc

/// Moves bytes between the daemon and a child's pipes on dedicated threads, because `read(2)` and
/// `write(2)` on a pipe block for as long as the child pleases and must not occupy the cooperative pool.
enum OutputPump {
    /// Reads `fd` until EOF on a new thread, yielding each chunk, then closes it. The pipe is drained
    /// even after the consumer stops listening, so the child never blocks on a full pipe.
    static func stream(from fd: Int32, name: String) -> AsyncStream<[UInt8]> {
        let (stream, continuation) = AsyncStream.makeStream(of: [UInt8].self)
        let thread = Thread {
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
                if count > 0 {
                    continuation.yield(Array(buffer[0..<count]))
                } else if count < 0 && errno == EINTR {
                    continue
                } else {
                    break
                }
            }
            close(fd)
            continuation.finish()
        }
        thread.name = name
        thread.start()
        return stream
    }

    /// Writes all of `bytes` to `fd` on a new thread, then closes it, and reports how many bytes the
    /// reader took. A reader that went away (EPIPE, with SIGPIPE ignored) just ends the write early.
    static func write(_ bytes: [UInt8], to fd: Int32, name: String) async -> Int {
        await withCheckedContinuation { continuation in
            let thread = Thread {
                var offset = 0
                while offset < bytes.count {
                    let count = bytes.withUnsafeBytes { raw in
                        Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                    }
                    if count > 0 {
                        offset += count
                    } else if count < 0 && errno == EINTR {
                        continue
                    } else {
                        break
                    }
                }
                close(fd)
                continuation.resume(returning: offset)
            }
            thread.name = name
            thread.start()
        }
    }
}
