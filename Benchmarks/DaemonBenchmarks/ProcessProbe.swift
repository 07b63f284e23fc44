import Foundation

/// What /proc says about a process.
enum ProcessProbe {
    /// Resident set size in KiB (`VmRSS`), nil once the process is gone.
    static func residentKiB(of pid: pid_t) -> Int? {
        statusNumber("VmRSS", of: pid)
    }

    /// How many threads the process runs (`Threads` of /proc/PID/status), nil once the process is gone.
    static func threadCount(of pid: pid_t) -> Int? {
        statusNumber("Threads", of: pid)
    }

    /// The number a line of /proc/PID/status starts with after `name:` ("VmRSS:\t  5524 kB", "Threads:\t19").
    private static func statusNumber(_ name: String, of pid: pid_t) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        let line = status.split(separator: "\n").first { $0.hasPrefix(name + ":") }
        return line.flatMap { Int($0.dropFirst(name.count + 1).split(whereSeparator: \.isWhitespace).first ?? "") }
    }

    /// The KiB figures of /proc/PID/smaps_rollup ("Rss", "Pss", "Private_Clean", "Anonymous", …).
    static func memoryRollup(of pid: pid_t) -> [String: Int] {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/smaps_rollup", encoding: .utf8) else { return [:] }
        var figures: [String: Int] = [:]
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 2, fields[0].hasSuffix(":"), let value = Int(fields[1]) else { continue }
            figures[String(fields[0].dropLast())] = value
        }
        return figures
    }

    /// User plus system CPU time in clock ticks (`utime` + `stime` of /proc/PID/stat).
    static func cpuTicks(of pid: pid_t) -> Int? {
        statFields(of: pid, 14, 15)
    }

    /// The CPU time of the process's children that it has reaped, in clock ticks (`cutime` + `cstime`).
    static func reapedChildrenCPUTicks(of pid: pid_t) -> Int? {
        statFields(of: pid, 16, 17)
    }

    /// The sum of two numeric fields of /proc/PID/stat, numbered as in proc(5).
    private static func statFields(of pid: pid_t, _ first: Int, _ second: Int) -> Int? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return nil }
        // Fields after the command name, which may hold spaces, starting with the state (field 3).
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > second - 3, let one = Int(fields[first - 3]), let two = Int(fields[second - 3]) else {
            return nil
        }
        return one + two
    }

    /// Whether the PID still names a process (a zombie not yet reaped counts).
    static func exists(_ pid: pid_t) -> Bool {
        access("/proc/\(pid)", F_OK) == 0
    }

    /// PIDs of the processes whose environment holds exactly `entry` ("NAME=value").
    static func processes(withEnvironment entry: String) -> [pid_t] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return names.compactMap(pid_t.init).filter { pid in
            guard let environment = FileManager.default.contents(atPath: "/proc/\(pid)/environ") else { return false }
            return environment.split(separator: 0).contains { $0.elementsEqual(entry.utf8) }
        }
    }

    /// Clock ticks per second for `cpuTicks`.
    static let ticksPerSecond = Int(sysconf(Int32(_SC_CLK_TCK)))
}
