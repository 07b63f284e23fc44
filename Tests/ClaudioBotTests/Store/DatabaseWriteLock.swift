import Foundation
import GRDB

/// Another process's write lock on a state database, as an operator's `sqlite3` shell in a transaction would hold it:
/// the daemon's writes wait for their busy timeout and then fail with "database is locked". Held on a thread of its
/// own until `release()`.
final class DatabaseWriteLock: Sendable {
    private let letGo = DispatchSemaphore(value: 0)
    private let done = DispatchSemaphore(value: 0)

    private init() {}

    /// Takes the write lock of the database at `path`; returns once it is held.
    static func hold(_ path: String) async throws -> DatabaseWriteLock {
        let lock = DatabaseWriteLock()
        let taken: Result<Void, any Error> = await withCheckedContinuation { continuation in
            let thread = Thread {
                var held = false
                do {
                    let queue = try DatabaseQueue(path: path)
                    try queue.writeWithoutTransaction { db in
                        try db.execute(sql: "BEGIN IMMEDIATE")
                        held = true
                        continuation.resume(returning: .success(()))
                        lock.letGo.wait()
                        try db.execute(sql: "ROLLBACK")
                    }
                    try queue.close()
                } catch {
                    if !held { continuation.resume(returning: .failure(error)) }
                }
                lock.done.signal()
            }
            thread.name = "database-write-lock"
            thread.start()
        }
        try taken.get()
        return lock
    }

    /// Lets the lock go; returns once the connection is closed.
    func release() async {
        letGo.signal()
        await withCheckedContinuation { continuation in
            let thread = Thread {
                self.done.wait()
                continuation.resume()
            }
            thread.start()
        }
    }
}
