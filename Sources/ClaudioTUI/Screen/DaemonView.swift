import Shared

/// What the console knows about the daemon: nothing yet, its latest snapshot, or why it cannot be reached.
public enum DaemonView: Sendable, Equatable {
    /// Before the first answer.
    case connecting
    case reachable(SnapshotResponse)
    /// The latest poll failed; `reason` says why (no socket, refused connection, a timeout…).
    case unreachable(reason: String)

    public var snapshot: SnapshotResponse? {
        if case .reachable(let snapshot) = self { return snapshot }
        return nil
    }
}
