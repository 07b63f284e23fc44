import Glibc

/// The fields of `/proc/PID/stat` that finding, counting and describing a job's processes need.
///
/// Parsed from the file's bytes without building strings: a job's count and its kill read one of these per process.
struct ProcStat: Sendable, Hashable {
    var pid: pid_t
    var parentPID: pid_t
    /// One-letter scheduler state: R, S, D, T, t, Z (zombie), X (dead), I, P, W.
    var state: Character
    var processGroup: pid_t
    var session: pid_t
    /// Clock ticks since boot when the process started (field 22): with the PID, what names one process.
    var startTime: UInt64
    /// CPU time in user and kernel mode, in clock ticks (fields 14 and 15).
    var userTime: UInt64 = 0
    var systemTime: UInt64 = 0
    /// Threads in the process (field 20): a process of one thread lists its children in one file.
    var threadCount: Int = 1
    /// Resident pages (field 24).
    var residentPages: UInt64 = 0

    var identity: ProcessIdentity { ProcessIdentity(pid: pid, startTime: startTime) }

    /// Whether the process still runs code: a zombie has exited and only waits to be reaped.
    var isLive: Bool { state != "Z" && state != "X" }

    /// Parses one `stat` line. The command name (field 2) is in parentheses and may itself contain spaces and
    /// parentheses, so the fixed fields are read after the *last* `)`.
    static func parse(_ bytes: UnsafeRawBufferPointer) -> ProcStat? {
        guard let open = bytes.firstIndex(of: UInt8(ascii: "(")),
              let close = bytes.lastIndex(of: UInt8(ascii: ")")), open < close,
              let pid = ProcFile.decimal(
                  bytes[..<open].drop { $0 == UInt8(ascii: " ") }.prefix { $0 != UInt8(ascii: " ") })
        else { return nil }
        // One pass over fields 3 … 24, keeping the ones needed; field 3 (state) is one letter.
        var state: UInt8?
        var values = (parentPID: UInt64?.none, group: UInt64?.none, session: UInt64?.none, userTime: UInt64?.none,
                      systemTime: UInt64?.none, threads: UInt64?.none, startTime: UInt64?.none, resident: UInt64?.none)
        var number = 3
        var index = close + 1
        while index < bytes.count && number <= 24 {
            let byte = bytes[index]
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") {
                index += 1
                continue
            }
            let start = index
            while index < bytes.count && bytes[index] != UInt8(ascii: " ") && bytes[index] != UInt8(ascii: "\n") {
                index += 1
            }
            let field = bytes[start..<index]
            switch number {
            case 3: state = field.count == 1 ? byte : nil
            case 4: values.parentPID = ProcFile.decimal(field)
            case 5: values.group = ProcFile.decimal(field)
            case 6: values.session = ProcFile.decimal(field)
            case 14: values.userTime = ProcFile.decimal(field)
            case 15: values.systemTime = ProcFile.decimal(field)
            case 20: values.threads = ProcFile.decimal(field)
            case 22: values.startTime = ProcFile.decimal(field)
            case 24: values.resident = ProcFile.decimal(field)
            default: break
            }
            number += 1
        }
        guard let state, let parentPID = values.parentPID, let group = values.group, let session = values.session,
              let userTime = values.userTime, let systemTime = values.systemTime, let threads = values.threads,
              let startTime = values.startTime
        else { return nil }
        return ProcStat(
            pid: pid_t(truncatingIfNeeded: pid), parentPID: pid_t(truncatingIfNeeded: parentPID),
            state: Character(Unicode.Scalar(state)), processGroup: pid_t(truncatingIfNeeded: group),
            session: pid_t(truncatingIfNeeded: session), startTime: startTime, userTime: userTime,
            systemTime: systemTime, threadCount: Int(threads), residentPages: values.resident ?? 0)
    }

    static func parse(_ line: String) -> ProcStat? {
        var line = line
        return line.withUTF8 { parse(UnsafeRawBufferPointer($0)) }
    }

    /// Reads `/proc/PID/stat`; nil once the process has been reaped (or never existed).
    static func read(pid: pid_t) -> ProcStat? {
        ProcFile.withBytes(pid: pid, "stat") { parse($0) } ?? nil
    }
}
