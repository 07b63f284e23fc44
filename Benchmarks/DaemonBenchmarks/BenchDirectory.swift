import Foundation

/// A fresh directory under /tmp for one daemon's state, socket, lock and workspace; removed by `remove()`.
struct BenchDirectory: Sendable {
    let path: String

    init() throws {
        var template = Array("/tmp/claudio-bench-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw BenchFailure("mkdtemp failed: \(String(cString: strerror(errno)))") }
        path = String(cString: made)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
