/// A process's command line as the job's page shows it, from `/proc/PID/cmdline`.
enum ProcessCommandLine {
    /// The longest command line kept; the page shows one line per process.
    static let maximumBytes = 4096

    /// The arguments joined by spaces; nil when the file cannot be read or is empty (a zombie, a kernel thread).
    static func read(pid: Int32) -> String? {
        ProcFile.read("/proc/\(pid)/cmdline").flatMap(text(of:))
    }

    /// `bytes` of a `cmdline` file: NUL-separated arguments, usually NUL-terminated. A process that rewrote its own
    /// title may leave one long argument with spaces in it; either way the result is one line.
    static func text(of bytes: [UInt8]) -> String? {
        let kept = bytes.prefix(maximumBytes)
        let arguments = kept.split(separator: 0, omittingEmptySubsequences: true)
        guard !arguments.isEmpty else { return nil }
        return arguments.map { String(decoding: $0, as: UTF8.self) }.joined(separator: " ")
    }
}
