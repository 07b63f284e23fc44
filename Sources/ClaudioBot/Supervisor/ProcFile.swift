import Glibc

/// Reads small pseudo-files under `/proc` with plain `open`/`read`: they report a size of 0, are
/// generated on demand and never block, so no Foundation file API or dedicated thread is needed.
enum ProcFile {
    /// The whole file, or nil if it cannot be opened (the process is gone, or EACCES for another user's `environ`).
    static func read(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var contents: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count > 0 {
                contents.append(contentsOf: chunk[0..<count])
            } else if count == 0 {
                return contents
            } else if errno != EINTR {
                return nil
            }
        }
    }
}
