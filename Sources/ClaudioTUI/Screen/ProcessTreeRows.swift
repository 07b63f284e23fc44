import Shared

/// A job's processes in htop's tree order: each under its parent, siblings by PID, with the branch drawing that goes
/// before its command ("├─ ", "└─ ", "│  "). A process whose parent is not one of the job's — claude under the
/// daemon, an orphan the daemon adopted — starts a tree of its own, in PID order with the others.
public enum ProcessTreeRows {
    public struct Row: Sendable, Equatable {
        public var process: JobProcessInfo
        /// How many ancestors it has among the job's processes.
        public var depth: Int
        /// Drawn before the command: empty at the top, "├─ " or "└─ " after the ancestors' "│  " or "   ".
        public var branch: String
    }

    public static func rows(_ processes: [JobProcessInfo]) -> [Row] {
        let pids = Set(processes.map(\.pid))
        var children: [Int: [JobProcessInfo]] = [:]
        var roots: [JobProcessInfo] = []
        for process in processes.sorted(by: { $0.pid < $1.pid }) {
            if process.ppid != process.pid && pids.contains(process.ppid) {
                children[process.ppid, default: []].append(process)
            } else {
                roots.append(process)
            }
        }
        var rows: [Row] = []
        var placed: Set<Int> = []
        func visit(_ process: JobProcessInfo, depth: Int, lead: String, isLast: Bool) {
            // A PID listed twice, or parents that loop (a PID reused between two reads), is drawn once.
            guard placed.insert(process.pid).inserted else { return }
            let branch = depth == 0 ? "" : lead + (isLast ? "└─ " : "├─ ")
            rows.append(Row(process: process, depth: depth, branch: branch))
            let below = children[process.pid] ?? []
            let nextLead = depth == 0 ? "" : lead + (isLast ? "   " : "│  ")
            for (index, child) in below.enumerated() {
                visit(child, depth: depth + 1, lead: nextLead, isLast: index == below.count - 1)
            }
        }
        for root in roots { visit(root, depth: 0, lead: "", isLast: true) }
        // Whatever a loop of parents kept out of reach is still listed, at the top.
        for process in processes.sorted(by: { $0.pid < $1.pid }) where !placed.contains(process.pid) {
            visit(process, depth: 0, lead: "", isLast: true)
        }
        return rows
    }
}
