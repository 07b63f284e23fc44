import Foundation

/// A dotenv file in a fresh temporary directory, removed by `remove()`.
struct TemporaryEnvFile {
    let directory: String
    let path: String

    init(_ contents: String) throws {
        directory = NSTemporaryDirectory() + "claudio-settings-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        path = directory + "/test.env"
        try contents.write(toFile: path, atomically: true, encoding: .utf8)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: directory)
    }
}
