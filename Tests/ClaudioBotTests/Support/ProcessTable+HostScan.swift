import Glibc
@testable import ClaudioBot

/// The whole host's processes, for tests that look for what a job left behind anywhere on the machine. The daemon
/// itself never scans the host: it finds a job's processes from the job (`JobProcessTree`).
extension ProcessTable {
    /// Reads `/proc/[0-9]*/stat`. A process that exits during the scan is simply absent.
    static func scan() -> ProcessTable {
        guard let directory = opendir("/proc") else { return ProcessTable([]) }
        defer { closedir(directory) }
        var stats: [ProcStat] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            guard let pid = pid_t(name), let stat = ProcStat.read(pid: pid) else { continue }
            stats.append(stat)
        }
        return ProcessTable(stats)
    }

    /// The live processes, this test process excepted, whose environment holds exactly `entry` (`NAME=value`).
    func processes(withEnvironmentEntry entry: String) -> [ProcStat] {
        processes.values.filter { $0.isLive && $0.pid != getpid() && Self.environment(of: $0.pid, contains: entry) }
    }

    /// Whether `/proc/PID/environ` holds exactly the entry `NAME=value`. An unreadable environment counts as not
    /// holding it.
    static func environment(of pid: pid_t, contains entry: String) -> Bool {
        guard let environ = ProcFile.read("/proc/\(pid)/environ") else { return false }
        let wanted = Array(entry.utf8)
        return environ.split(separator: 0, omittingEmptySubsequences: true).contains { $0.elementsEqual(wanted) }
    }
}
