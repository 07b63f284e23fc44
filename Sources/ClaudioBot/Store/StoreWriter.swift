import GRDB

/// Applies the store's writes one at a time on one background task, in the order they were submitted.
///
/// Writes from many tasks (a job's history row, a denied-access record, a session) are queued here rather than raced
/// onto the database, so their order is the order they were handed over, and closing the store can wait until
/// everything handed over is written.
final class StoreWriter: Sendable {
    private typealias Request = @Sendable (DatabasePool) async -> Void

    private let requests: AsyncStream<Request>.Continuation
    private let worker: Task<Void, Never>

    init(pool: DatabasePool) {
        let (stream, requests) = AsyncStream.makeStream(of: Request.self)
        self.requests = requests
        worker = Task {
            for await request in stream {
                await request(pool)
            }
        }
    }

    deinit {
        requests.finish()
    }

    /// Queues `update` (run in a transaction) behind the writes already submitted, and returns once it is committed.
    func perform<Value: Sendable>(_ update: @escaping @Sendable (Database) throws -> Value) async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            let result = requests.yield { pool in
                do {
                    continuation.resume(returning: try await pool.write(update))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
            if case .terminated = result {
                continuation.resume(throwing: StateStoreError.closed)
            }
        }
    }

    /// Stops accepting writes and returns once every write submitted before is applied.
    func finish() async {
        requests.finish()
        await worker.value
    }
}
