import Glibc

/// Reads small pseudo-files under `/proc` with plain `open`/`read`: they report a size of 0, are generated on demand
/// and never block, so no Foundation file API or dedicated thread is needed.
///
/// The paths are built and the files read into stack buffers: a job's periodic count and its kill read a few files
/// per process, and none of that should allocate.
enum ProcFile {
    /// Calls `body` with the first `capacity` bytes of `/proc/<pid>/<name>` (or `/proc/<pid>/task/<thread>/<name>`);
    /// nil if the file cannot be opened (the process is gone) or read.
    static func withBytes<Result>(
        pid: pid_t, thread: pid_t? = nil, _ name: StaticString, capacity: Int = 1024,
        _ body: (UnsafeRawBufferPointer) -> Result
    ) -> Result? {
        let fd = open(pid: pid, thread: thread, name)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        return withUnsafeTemporaryAllocation(byteCount: capacity, alignment: 1) { buffer -> Result? in
            var filled = 0
            while filled < capacity {
                let count = Glibc.read(fd, buffer.baseAddress! + filled, capacity - filled)
                if count > 0 {
                    filled += count
                } else if count == 0 {
                    break
                } else if errno != EINTR {
                    return nil
                }
            }
            return body(UnsafeRawBufferPointer(rebasing: buffer[..<filled]))
        }
    }

    /// Feeds every byte of `/proc/<pid>/…/<name>` to `consume` in chunks, for files of unbounded length (a
    /// process's list of children). False if the file cannot be opened or read.
    static func forEachChunk(
        pid: pid_t, thread: pid_t? = nil, _ name: StaticString, _ consume: (UnsafeRawBufferPointer) -> Void
    ) -> Bool {
        forEachChunk(of: open(pid: pid, thread: thread, name), consume)
    }

    /// The whole file, or nil if it cannot be opened (the process is gone, or EACCES for another user's `environ`).
    static func read(_ path: String) -> [UInt8]? {
        var contents: [UInt8] = []
        let complete = forEachChunk(of: Glibc.open(path, O_RDONLY | O_CLOEXEC)) { contents.append(contentsOf: $0) }
        return complete ? contents : nil
    }

    /// Reads `fd` to its end in stack-sized chunks, then closes it. False if it was not open (a negative `fd`) or a
    /// read failed.
    private static func forEachChunk(of fd: Int32, _ consume: (UnsafeRawBufferPointer) -> Void) -> Bool {
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return withUnsafeTemporaryAllocation(byteCount: 4096, alignment: 1) { buffer in
            while true {
                let count = Glibc.read(fd, buffer.baseAddress!, buffer.count)
                if count > 0 {
                    consume(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
                } else if count == 0 {
                    return true
                } else if errno != EINTR {
                    return false
                }
            }
        }
    }

    /// A non-negative decimal number as `/proc` writes one (a field of `stat`, a PID directory's name); nil for
    /// anything else.
    static func decimal(_ digits: Slice<UnsafeRawBufferPointer>) -> UInt64? {
        guard !digits.isEmpty, digits.count <= 19 else { return nil }
        var value: UInt64 = 0
        for byte in digits {
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + UInt64(byte - UInt8(ascii: "0"))
        }
        return value
    }

    /// Opens `/proc/<pid>[/task/<thread>]/<name>` with the path written into a stack buffer.
    private static func open(pid: pid_t, thread: pid_t?, _ name: StaticString) -> Int32 {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 96) { path -> Int32 in
            var length = 0
            func append(_ bytes: UnsafeRawBufferPointer) {
                for byte in bytes where length < path.count - 1 {
                    path[length] = byte
                    length += 1
                }
            }
            func append(_ text: StaticString) {
                append(UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
            }
            func append(_ number: pid_t) {
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 12) { digits in
                    var value = UInt32(truncatingIfNeeded: number)
                    var start = digits.count
                    repeat {
                        start -= 1
                        digits[start] = UInt8(ascii: "0") + UInt8(value % 10)
                        value /= 10
                    } while value > 0
                    append(UnsafeRawBufferPointer(UnsafeMutableBufferPointer(rebasing: digits[start...])))
                }
            }
            append("/proc/")
            append(pid)
            if let thread {
                append("/task/")
                append(thread)
            }
            append("/")
            append(name)
            path[length] = 0
            return path.withMemoryRebound(to: CChar.self) { Glibc.open($0.baseAddress!, O_RDONLY | O_CLOEXEC) }
        }
    }
}
