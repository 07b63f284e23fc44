import Glibc

/// Processes held in memory and indexed by parent: a `ProcessSource` that tests build from made-up rows.
struct ProcessTable: ProcessSource {
    /// Every process, zombies included, by PID.
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

    func children(of pid: pid_t) -> [pid_t] {
        childrenByParent[pid] ?? []
    }

    func stat(of pid: pid_t) -> ProcStat? {
        processes[pid]
    }

    func children(of process: ProcStat) -> [pid_t] {
        children(of: process.pid)
    }
}
