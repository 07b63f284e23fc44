/// Remembers the most recent event keys so a redelivered event (Slack retries an envelope whose acknowledgement it
/// did not see, with `retry_attempt` > 0 and the same `event_id`) is never handled twice. Bounded: the oldest keys
/// are forgotten first, long after Slack has stopped retrying them.
struct SlackEventDeduplicator: Sendable {
    let capacity: Int
    private var seen: Set<String> = []
    /// Keys in arrival order, used as a ring: `next` is the oldest once the ring is full.
    private var ring: [String] = []
    private var next = 0

    init(capacity: Int = 2048) {
        precondition(capacity > 0, "a deduplicator needs room for at least one key")
        self.capacity = capacity
    }

    /// Records `key`; returns false when it was already seen (a redelivery to skip).
    mutating func isFirstSighting(of key: String) -> Bool {
        guard !seen.contains(key) else { return false }
        seen.insert(key)
        if ring.count < capacity {
            ring.append(key)
        } else {
            seen.remove(ring[next])
            ring[next] = key
            next = (next + 1) % capacity
        }
        return true
    }

    /// How many keys are remembered.
    var count: Int { seen.count }
}
