import Glibc

/// A process's children as the kernel lists them: `/proc/PID/task/TID/children`, one file per thread, since a child
/// belongs to the thread that forked it.
///
/// This is what lets a job's processes be found from the job, by walking down from its root, rather than by
/// reading every process on the host: the cost follows the job's size, not the machine's.
enum ProcChildren {
    /// The children of `process`, every thread's; empty once it is gone.
    static func of(_ process: ProcStat) -> [pid_t] {
        var children: [pid_t] = []
        if process.threadCount <= 1 {
            // Most of a job's processes (shells, tools) have one thread, whose ID is the PID: no directory to list.
            read(pid: process.pid, thread: process.pid, into: &children)
        } else {
            for thread in threads(of: process.pid) { read(pid: process.pid, thread: thread, into: &children) }
        }
        return children
    }

    /// The children listed for one thread of `pid`.
    static func of(pid: pid_t, thread: pid_t) -> [pid_t] {
        var children: [pid_t] = []
        read(pid: pid, thread: thread, into: &children)
        return children
    }

    /// Parses the space-separated PIDs as they arrive, a number possibly split across two chunks.
    private static func read(pid: pid_t, thread: pid_t, into children: inout [pid_t]) {
        var current: pid_t = 0
        var inNumber = false
        _ = ProcFile.forEachChunk(pid: pid, thread: thread, "children") { chunk in
            for byte in chunk {
                if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                    current = current &* 10 &+ pid_t(byte - UInt8(ascii: "0"))
                    inNumber = true
                } else if inNumber {
                    children.append(current)
                    current = 0
                    inNumber = false
                }
            }
        }
        if inNumber { children.append(current) }
    }

    /// The thread IDs under `/proc/PID/task`.
    private static func threads(of pid: pid_t) -> [pid_t] {
        guard let directory = opendir("/proc/\(pid)/task") else { return [] }
        defer { closedir(directory) }
        var threads: [pid_t] = []
        while let entry = readdir(directory) {
            let id = withUnsafeBytes(of: entry.pointee.d_name) { name in ProcFile.decimal(name.prefix { $0 != 0 }) }
            if let id, id > 0 { threads.append(pid_t(truncatingIfNeeded: id)) }
        }
        return threads
    }
}
