import Glibc
import Synchronization
@testable import ClaudioBot

/// Reads `/proc` like the daemon and remembers which processes it looked at.
final class RecordingProcessSource: ProcessSource {
    private let read = Mutex<Set<pid_t>>([])

    var readPIDs: Set<pid_t> { read.withLock { $0 } }

    func stat(of pid: pid_t) -> ProcStat? {
        read.withLock { _ = $0.insert(pid) }
        return ProcFileSystem().stat(of: pid)
    }

    func children(of process: ProcStat) -> [pid_t] {
        read.withLock { _ = $0.insert(process.pid) }
        return ProcFileSystem().children(of: process)
    }
}
