import Foundation
import Shared

/// The denied-access records of SPEC §4: kept in memory for the admin API and forwarded to a `DeniedRecordSink`.
///
/// The same (platform, user, reason) within `foldingInterval` of a record's last attempt folds into that record;
/// otherwise a new record starts. Memory stays bounded under a flood: the in-memory list keeps the `capacity` most
/// recently active records, and the records still open for folding are swept at most once per `foldingInterval`,
/// dropping those idle for longer — so they are bounded by the distinct senders of two intervals.
struct DeniedAccessLog: Sendable {
    static let defaultCapacity = 500

    let capacity: Int
    let foldingInterval: Duration

    /// Ordered by last attempt, oldest first; may hold up to twice `capacity`, only the newest `capacity` are shown.
    private var newestLast: [DeniedRecord]
    private var open: [FoldKey: OpenRecord] = [:]
    private var lastSweep: Duration?
    private let forwarder: DeniedRecordForwarder?

    /// - Parameters:
    ///   - seed: records stored before this start; the newest `capacity` are shown. They are not folded into,
    ///     since how long ago they were last touched is only known in wall time.
    ///   - capacity: how many records stay in memory.
    ///   - foldingInterval: how close to a record's last attempt a repeat must come to fold into it.
    ///   - sink: receives every new or updated record, in order, off the caller's path.
    init(
        seed: [DeniedRecord] = [],
        capacity: Int = DeniedAccessLog.defaultCapacity,
        foldingInterval: Duration = .seconds(60),
        sink: (any DeniedRecordSink)? = nil
    ) {
        precondition(capacity >= 1)
        self.capacity = capacity
        self.foldingInterval = foldingInterval
        newestLast = Array(seed.sorted { $0.lastAt < $1.lastAt }.suffix(capacity))
        forwarder = sink.map { DeniedRecordForwarder(sink: $0) }
    }

    /// Records shown by `recent(limit:)` (at most `capacity`).
    var recentCount: Int { min(newestLast.count, capacity) }

    /// Records that a repeat could still fold into.
    var openRecordCount: Int { open.count }

    /// Records the sink never got because it fell too far behind.
    var droppedCount: Int { forwarder?.droppedCount ?? 0 }

    /// Keeps a denied attempt: folds it into the sender's open record for `reason`, or starts a new one.
    /// - Returns: the new or updated record.
    @discardableResult
    mutating func record(_ message: InboundMessage, reason: DeniedReason, at time: GateTime) -> DeniedRecord {
        sweepIfDue(at: time.monotonic)
        let key = FoldKey(user: message.user.key, reason: reason)
        let record: DeniedRecord
        if var existing = open[key], time.monotonic - existing.lastSeen <= foldingInterval {
            existing.record.count += 1
            existing.record.lastAt = time.wall
            existing.lastSeen = time.monotonic
            open[key] = existing
            record = existing.record
        } else {
            record = DeniedRecord(
                id: UUID().uuidString.lowercased(),
                at: time.wall,
                lastAt: time.wall,
                platform: message.user.platform,
                userID: message.user.id,
                username: message.user.username,
                chatID: message.chatID,
                reason: reason,
                excerpt: TextSanitizer.excerpt(message.text, limit: DeniedRecord.maxExcerptLength),
                count: 1
            )
            open[key] = OpenRecord(record: record, lastSeen: time.monotonic)
        }
        moveToNewest(record, isNew: record.count == 1)
        forwarder?.forward(record)
        return record
    }

    /// The newest records first (by last attempt), at most `limit`.
    func recent(limit: Int) -> [DeniedRecord] {
        Array(newestLast.suffix(min(max(0, limit), capacity)).reversed())
    }

    /// Returns once the sink has stored every record made so far.
    func flush() async {
        await forwarder?.flush()
    }

    private mutating func moveToNewest(_ record: DeniedRecord, isNew: Bool) {
        // A repeat is almost always of the record touched last, so searching from the end is usually one step.
        if !isNew, let index = newestLast.lastIndex(where: { $0.id == record.id }) {
            newestLast.remove(at: index)
        }
        newestLast.append(record)
        // Trimming one record per new one would shift the whole list every time; letting it reach twice the
        // capacity and then dropping the older half costs the same per record however long the flood.
        if newestLast.count >= 2 * capacity {
            newestLast.removeFirst(newestLast.count - capacity)
        }
    }

    private mutating func sweepIfDue(at now: Duration) {
        guard let last = lastSweep else {
            lastSweep = now
            return
        }
        guard now - last >= foldingInterval else { return }
        lastSweep = now
        let interval = foldingInterval
        open = open.filter { _, entry in now - entry.lastSeen <= interval }
    }
}

extension DeniedAccessLog {
    /// What attempts fold on: the same sender for the same reason.
    private struct FoldKey: Hashable {
        var user: UserKey
        var reason: DeniedReason
    }

    /// A record repeats may still fold into, with its last attempt on the monotonic clock.
    private struct OpenRecord {
        var record: DeniedRecord
        var lastSeen: Duration
    }
}
