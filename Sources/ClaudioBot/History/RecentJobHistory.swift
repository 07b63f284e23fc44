import Shared
import Synchronization

/// The last finished jobs in memory, newest first: the console's snapshot carries them, and a poll each second must
/// not read the database. Seeded from the stored history at start; `GET /v1/history` reads the store for more.
final class RecentJobHistory: Sendable {
    let capacity: Int
    private let entries: Mutex<[JobHistoryEntry]>

    /// - Parameter seed: the stored history, newest first.
    init(capacity: Int = SnapshotResponse.historyRowLimit, seed: [JobHistoryEntry] = []) {
        self.capacity = capacity
        entries = Mutex(Array(seed.prefix(capacity)))
    }

    /// Adds a job that just ended; the oldest one beyond `capacity` drops out.
    func record(_ entry: JobHistoryEntry) {
        entries.withLock {
            $0.insert(entry, at: 0)
            if $0.count > capacity { $0.removeLast($0.count - capacity) }
        }
    }

    /// The newest jobs, newest first.
    var newest: [JobHistoryEntry] { entries.withLock { $0 } }
}
