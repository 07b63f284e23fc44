import Glibc

/// A snapshot of every process visible in `/proc`, indexed for walking the parent → child relation.
struct ProcessTable: Sendable {
    /// Every process that could be read, zombies included, by PID.
    let processes: [pid_t: ProcStat]
    private let childrenByParent: [pid_t: [pid_t]]

    init(_ stats: [ProcStat]) {
        var processes: [pid_t: ProcStat] = [:]
        var childrenByParent: [pid_t: [pid_t]] = [:]
        for stat in stats {
            processes[stat.pid] = stat
            childrenByParent[stat.parentPID, default: []].append(stat.pid)
        }
        self.processes = processes
        self.childrenByParent = childrenByParent
    }

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

    func children(of pid: pid_t) -> [pid_t] {
        childrenByParent[pid] ?? []
    }

    /// Whether `/proc/PID/environ` holds exactly the entry `NAME=value`. An unreadable environment
    /// (another user's process, or one that just exited) counts as not holding it.
    static func environment(of pid: pid_t, contains entry: String) -> Bool {
        guard let environ = ProcFile.read("/proc/\(pid)/environ") else { return false }
        let wanted = Array(entry.utf8)
        return environ.split(separator: 0, omittingEmptySubsequences: true).contains { $0.elementsEqual(wanted) }
    }

    /// The value of `name` in `/proc/PID/environ`; nil when it is not set or cannot be read.
    static func environmentValue(of pid: pid_t, name: String) -> String? {
        guard let environ = ProcFile.read("/proc/\(pid)/environ") else { return nil }
        let prefix = Array((name + "=").utf8)
        for entry in environ.split(separator: 0, omittingEmptySubsequences: true) where entry.starts(with: prefix) {
            return String(decoding: entry.dropFirst(prefix.count), as: UTF8.self)
        }
        return nil
    }
}
