import Foundation
import Glibc

/// A private temporary directory holding a test's fake executables; `remove()` deletes it.
struct ScratchDirectory: Sendable {
    let path: String

    init() throws {
        var template = Array("\(NSTemporaryDirectory())/claudio-supervisor-XXXXXX".utf8CString)
        guard let created = mkdtemp(&template) else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        path = String(cString: created)
        // mkdtemp's 0700 is filtered by the umask, which in-process admin-server tests change while they bind a
        // socket (SocketCreationMask): a directory without its x bit is not enterable once capabilities are dropped
        // (a sandboxed job's workspace).
        guard chmod(path, 0o700) == 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
    }

    /// Writes an executable `/bin/sh` script named `name` and returns its absolute path.
    @discardableResult
    func script(_ name: String, _ body: String) throws -> String {
        let file = "\(path)/\(name)"
        try "#!/bin/sh\n\(body)\n".write(toFile: file, atomically: true, encoding: .utf8)
        guard chmod(file, 0o755) == 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        return file
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
