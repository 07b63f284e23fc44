import Glibc

/// What a job's page shows of one process, from its `/proc/PID/stat`: parent, state, CPU time and resident memory.
///
/// Read from the file's bytes field by field, without building strings: the page of a busy job reads one of these
/// per process every second.
struct ProcStatUsage: Sendable, Equatable {
    var identity: ProcessIdentity
    /// The parent in the host's PID namespace (field 4).
    var parentPID: pid_t
    /// R, S, D, T, t, Z, X, I, P or W (field 3).
    var state: Character
    /// CPU time in user plus kernel mode, in clock ticks (fields 14 and 15).
    var cpuTicks: UInt64
    /// Resident pages (field 24).
    var residentPages: UInt64
    /// The kernel's name for it (field 2, at most 15 bytes): what is shown when its command line is empty.
    var name: String

    /// Reads `/proc/PID/stat` of `process`; nil once it is gone, or when its PID now names another process.
    static func read(_ process: ProcessIdentity) -> ProcStatUsage? {
        guard let bytes = ProcFile.read("/proc/\(process.pid)/stat"), let usage = parse(bytes),
            usage.identity == process
        else { return nil }
        return usage
    }

    /// Parses one `stat` line. The name (field 2) is in parentheses and may itself hold spaces and parentheses, so
    /// the numbered fields are counted from the *last* `)`.
    static func parse(_ bytes: [UInt8]) -> ProcStatUsage? {
        let space = UInt8(ascii: " ")
        guard let open = bytes.firstIndex(of: UInt8(ascii: "(")), let close = bytes.lastIndex(of: UInt8(ascii: ")")),
            open < close, let pid = number(bytes[..<open].drop { $0 == space }.prefix { $0 != space })
        else { return nil }
        // fields[0] is field 3 (the state); field 24 (rss) is fields[21].
        let fields = bytes[(close + 1)...].split(separator: space, maxSplits: 22, omittingEmptySubsequences: true)
        guard fields.count > 21, fields[0].count == 1, let state = fields[0].first,
            let parentPID = number(fields[1]), let userTicks = number(fields[11]), let systemTicks = number(fields[12]),
            let startTime = number(fields[19]), let residentPages = number(fields[21].prefix { $0 != UInt8(ascii: "\n") })
        else { return nil }
        return ProcStatUsage(
            identity: ProcessIdentity(pid: pid_t(truncatingIfNeeded: pid), startTime: startTime),
            parentPID: pid_t(truncatingIfNeeded: parentPID), state: Character(Unicode.Scalar(state)),
            cpuTicks: userTicks &+ systemTicks, residentPages: residentPages,
            name: String(decoding: bytes[(open + 1)..<close], as: UTF8.self))
    }

    /// A non-negative decimal number; nil for anything else (the fields read here are never negative).
    private static func number(_ digits: some Collection<UInt8>) -> UInt64? {
        guard !digits.isEmpty, digits.count <= 19 else { return nil }
        var value: UInt64 = 0
        for byte in digits {
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + UInt64(byte - UInt8(ascii: "0"))
        }
        return value
    }
}
