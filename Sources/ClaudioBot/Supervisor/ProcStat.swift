import Glibc

/// The fields of `/proc/PID/stat` the supervisor needs.
struct ProcStat: Sendable, Hashable {
    var pid: pid_t
    var parentPID: pid_t
    /// One-letter scheduler state: R, S, D, T, t, Z (zombie), X (dead), I, P, W.
    var state: Character
    var processGroup: pid_t
    var session: pid_t
    var startTime: UInt64

    var identity: ProcessIdentity { ProcessIdentity(pid: pid, startTime: startTime) }

    /// Whether the process still runs code: a zombie has exited and only waits to be reaped.
    var isLive: Bool { state != "Z" && state != "X" }

    /// Parses one `stat` line. The command name (field 2) is in parentheses and may itself contain
    /// spaces and parentheses, so the fixed fields are read after the *last* `)`.
    static func parse(_ line: String) -> ProcStat? {
        guard let open = line.firstIndex(of: "("), let close = line.lastIndex(of: ")"), open < close,
              let pidField = line[..<open].split(separator: " ").first, let pid = pid_t(pidField)
        else { return nil }
        let fields = line[line.index(after: close)...].split(separator: " ", omittingEmptySubsequences: true)
        // fields[0] is field 3 (state); starttime is field 22.
        guard fields.count > 19, let state = fields[0].first,
              let parentPID = pid_t(fields[1]), let group = pid_t(fields[2]), let session = pid_t(fields[3]),
              let startTime = UInt64(fields[19])
        else { return nil }
        return ProcStat(pid: pid, parentPID: parentPID, state: state, processGroup: group, session: session,
                        startTime: startTime)
    }

    /// Reads `/proc/PID/stat`; nil once the process has been reaped (or never existed).
    static func read(pid: pid_t) -> ProcStat? {
        guard let bytes = ProcFile.read("/proc/\(pid)/stat") else { return nil }
        return parse(String(decoding: bytes, as: UTF8.self))
    }
}
