import Glibc
import Synchronization

@testable import ClaudioBot

/// A `JobPeerDetector` with a fixed answer that remembers which PIDs it was asked about.
final class ScriptedJobPeerDetector: JobPeerDetector {
    private let isJob: Bool
    private let asked = Mutex<[pid_t]>([])

    init(isJob: Bool) {
        self.isJob = isJob
    }

    /// The peers' PIDs, in the order their connections were set up.
    var askedPIDs: [pid_t] { asked.withLock { $0 } }

    func isJobProcess(_ pid: pid_t) -> Bool {
        asked.withLock { $0.append(pid) }
        return isJob
    }
}
