import Dispatch
import Foundation
import Glibc
import Synchronization

/// Writes to a child's standard input for as long as it runs: chunks go out in order on one dedicated thread (a
/// child that reads slowly blocks that thread, never the cooperative pool or the caller), and the pipe is closed
/// after the last one when `close()` is called. Writes after the child went away (EPIPE) are dropped.
final class StandardInputWriter: Sendable {
    private struct Queue {
        var chunks: [[UInt8]] = []
        var closing = false
    }

    /// What the caller and the writing thread share. The thread does not keep the writer itself alive, so dropping
    /// the writer closes the pipe.
    private final class Outbox: Sendable {
        let queue = Mutex(Queue())
        let wakeUp = DispatchSemaphore(value: 0)

        /// The chunks queued so far and whether the pipe is to be closed after them.
        func take() -> (chunks: [[UInt8]], closing: Bool) {
            queue.withLock { queue in
                defer { queue.chunks.removeAll() }
                return (queue.chunks, queue.closing)
            }
        }
    }

    private let outbox = Outbox()

    /// Takes ownership of `fd` and starts the writing thread.
    init(fd: Int32, name: String) {
        let outbox = outbox
        let thread = Thread {
            var broken = false
            while true {
                outbox.wakeUp.wait()
                let (chunks, closing) = outbox.take()
                for chunk in chunks where !broken {
                    broken = !Self.writeAll(chunk, to: fd)
                }
                if closing {
                    Glibc.close(fd)
                    return
                }
            }
        }
        thread.name = name
        thread.start()
    }

    deinit {
        close()
    }

    /// Queues `bytes`; ignored once `close()` was called.
    func write(_ bytes: [UInt8]) {
        let accepted = outbox.queue.withLock { queue in
            guard !queue.closing else { return false }
            queue.chunks.append(bytes)
            return true
        }
        if accepted { outbox.wakeUp.signal() }
    }

    /// Closes the pipe after what was queued (the child sees EOF). Later calls do nothing.
    func close() {
        let first = outbox.queue.withLock { queue in
            defer { queue.closing = true }
            return !queue.closing
        }
        if first { outbox.wakeUp.signal() }
    }

    private static func writeAll(_ bytes: [UInt8], to fd: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { raw in Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset) }
            if count > 0 {
                offset += count
            } else if count < 0 && errno == EINTR {
                continue
            } else {
                return false
            }
        }
        return true
    }
}
