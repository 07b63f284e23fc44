import Synchronization

/// The job whose page is open, shared between the main loop (which sets it from the screen) and the poller (which
/// asks the daemon about it each round). Nil most of the time: the idle console polls the snapshot and nothing else.
final class FollowedJob: Sendable {
    private let id = Mutex<String?>(nil)

    var current: String? { id.withLock { $0 } }

    /// Sets the followed job; true when it changed to another job (the app then asks about it at once).
    func follow(_ jobID: String?) -> Bool {
        id.withLock { current in
            defer { current = jobID }
            return current != jobID && jobID != nil
        }
    }
}
