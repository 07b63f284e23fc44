import Foundation
import Testing

/// ARCHITECTURE.md is how a newcomer finds their way: every file it names must exist.
@Suite("ARCHITECTURE.md names only files that exist")
struct ArchitectureDocTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test("every `Name.swift` and every folder in backticks is in the tree")
    func namedFilesExist() throws {
        let text = try String(contentsOf: Self.repository.appendingPathComponent("ARCHITECTURE.md"), encoding: .utf8)
        let files = Set(Self.swiftFiles())
        let names = Self.backticked(in: text)
        #expect(names.count > 20)
        for name in names where name.hasSuffix(".swift") {
            let found = files.contains { $0 == name || $0.hasSuffix("/" + name) }
            #expect(found, "ARCHITECTURE.md names \(name), which does not exist")
        }
        // A folder is named by a path with a slash that is not a chat command or an API path (`/new`, `/v1/…`).
        for name in names where !name.hasSuffix(".swift") && name.contains("/") && !name.hasPrefix("/")
            && !name.contains(" ")
        {
            let folder = "/" + (name.hasSuffix("/") ? String(name.dropLast()) : name) + "/"
            let isFolder = files.contains { ("/" + $0).contains(folder) }
            #expect(isFolder, "ARCHITECTURE.md names the folder \(name), which does not exist")
        }
    }

    static func backticked(in text: String) -> [String] {
        text.split(separator: "`", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }

    static func swiftFiles() -> [String] {
        var found: [String] = []
        for root in ["Sources", "Tests", "Demo"] {
            let base = repository.appendingPathComponent(root)
            let walker = FileManager.default.enumerator(atPath: base.path)
            while let path = walker?.nextObject() as? String {
                if path.hasSuffix(".swift") { found.append(root + "/" + path) }
            }
        }
        return found
    }
}
