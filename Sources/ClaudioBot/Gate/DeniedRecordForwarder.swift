import Shared

/// Hands denied-access records to a `DeniedRecordSink` on one background task, in order, so recording a denial never
/// waits for storage.
///
/// When the forwarder is released its task still stores what was already handed over, then ends.
final class DeniedRecordForwarder: Sendable {
    private let queue: DeniedRecordQueue
    private let wakeups: AsyncStream<Void>.Continuation

    /// - Parameters:
    ///   - sink: where records go.
    ///   - maxPending: how many distinct records may wait for a stalled sink before the oldest are dropped.
    init(sink: any DeniedRecordSink, maxPending: Int = 10_000) {
        let queue = DeniedRecordQueue(maxPending: maxPending)
        // One buffered wakeup is enough: a drain takes everything that is waiting when it runs.
        let (wakeups, wakeupsContinuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        self.queue = queue
        self.wakeups = wakeupsContinuation
        Task {
            for await _ in wakeups {
                await queue.drain(into: sink)
            }
        }
    }

    deinit {
        wakeups.finish()
    }

    /// Records dropped because the sink fell too far behind.
    var droppedCount: Int { queue.droppedCount }

    /// Queues `record` for the sink without waiting.
    func forward(_ record: DeniedRecord) {
        queue.enqueue(record)
        wakeups.yield()
    }

    /// Returns once every record forwarded before the call is stored (e.g. before the store closes at shutdown).
    func flush() async {
        await withCheckedContinuation { waiter in
            if queue.whenDrained(waiter) {
                wakeups.yield()
            } else {
                waiter.resume()
            }
        }
    }
}
