import Glibc
@testable import ClaudioBot

/// `/proc` checks for the supervisor tests.
enum ProcessLiveness {
    /// Whether this very process (same PID *and* start time) still runs; a zombie does not.
    static func isAlive(_ identity: ProcessIdentity) -> Bool {
        guard let stat = ProcStat.read(pid: identity.pid), stat.startTime == identity.startTime else { return false }
        return stat.isLive
    }

    /// Live processes anywhere on the machine whose environment carries `tag`.
    static func taggedProcesses(_ tag: String) -> [ProcStat] {
        ProcessTable.scan().processes(withEnvironmentEntry: "\(ProcessLauncher.jobTagVariable)=\(tag)")
    }

    /// Polls `condition` every 10 ms: used only for `/proc` states, which raise no event.
    static func waitUntil(timeout: Duration = .seconds(10), _ condition: () async -> Bool) async -> Bool {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while ContinuousClock.now < deadline {
            if await condition() { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return await condition()
    }
}
