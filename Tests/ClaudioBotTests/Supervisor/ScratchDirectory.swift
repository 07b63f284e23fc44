import Foundation
import Glibc

/// A private temporary directory holding a test's fake executables; `remove()` deletes it.
struct ScratchDirectory: Sendable {
    let path: String

    init() throws {
        var template = Array("\(NSTemporaryDirectory())/claudio-supervisor-XXXXXX".utf8CString)
        guard let created = mkdtemp(&template) else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        path = String(cString: created)
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
