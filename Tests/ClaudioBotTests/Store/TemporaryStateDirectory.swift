import Foundation
import GRDB

/// A fresh directory under the system temp dir for one test's state, removed when the test's body returns.
enum TemporaryStateDirectory {
    /// Runs `body` with the path of a new, empty parent directory, then removes it with everything inside.
    static func with<Value>(_ body: (_ root: String) async throws -> Value) async throws -> Value {
        let root = NSTemporaryDirectory() + "claudio-store-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        return try await body(root)
    }

    /// Reads the database file directly, bypassing the store (for checks on the file itself).
    static func inspect<Value: Sendable>(
        _ path: String,
        _ read: @escaping @Sendable (Database) throws -> Value
    ) async throws -> Value {
        let queue = try DatabaseQueue(path: path)
        let value = try await queue.read(read)
        try queue.close()
        return value
    }
}
