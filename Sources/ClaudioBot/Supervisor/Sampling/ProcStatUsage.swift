import Glibc

/// What a job's page shows of one process, from its `/proc/PID/stat`: parent, state, CPU time and resident memory.
///
/// The numbered fields are `ProcStat`'s byte-level parse; the page of a busy job reads one of these per process every
/// second.
struct ProcStatUsage: Sendable, Equatable {
    var stat: ProcStat
    /// The kernel's name for it (field 2, at most 15 bytes): what is shown when its command line is empty.
    var name: String

    var identity: ProcessIdentity { stat.identity }
    /// The parent in the host's PID namespace (field 4).
    var parentPID: pid_t { stat.parentPID }
    /// R, S, D, T, t, Z, X, I, P or W (field 3).
    var state: Character { stat.state }
    /// CPU time in user plus kernel mode, in clock ticks (fields 14 and 15).
    var cpuTicks: UInt64 { stat.userTime &+ stat.systemTime }
    /// Resident pages (field 24).
    var residentPages: UInt64 { stat.residentPages }

    /// Reads `/proc/PID/stat` of `process` as `ProcStat.read` does; nil once it is gone, or when its PID now names
    /// another process.
    static func read(_ process: ProcessIdentity) -> ProcStatUsage? {
        guard let usage = ProcFile.withBytes(pid: process.pid, "stat", { parse($0) }) ?? nil, usage.identity == process
        else { return nil }
        return usage
    }

    /// Parses one `stat` line: the numbered fields as `ProcStat` reads them, and the name between the first `(` and
    /// the last `)` (it may itself hold spaces and parentheses).
    static func parse(_ bytes: UnsafeRawBufferPointer) -> ProcStatUsage? {
        guard let stat = ProcStat.parse(bytes),
            let open = bytes.firstIndex(of: UInt8(ascii: "(")), let close = bytes.lastIndex(of: UInt8(ascii: ")"))
        else { return nil }
        return ProcStatUsage(stat: stat, name: String(decoding: bytes[(open + 1)..<close], as: UTF8.self))
    }

    static func parse(_ line: String) -> ProcStatUsage? {
        var line = line
        return line.withUTF8 { parse(UnsafeRawBufferPointer($0)) }
    }
}
