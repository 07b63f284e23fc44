import Foundation
import Glibc
import Testing

@testable import ClaudioBot

@Suite("Uploads are saved under uploads/<UTC day>/, never overwriting, never through a link (SPEC §15)")
struct UploadFolderTests {
    /// 2025-03-01 23:59:58 UTC: a moment whose local date may be another day.
    static let moment = Date(timeIntervalSince1970: 1_740_873_598)

    func folder(_ workspace: ScratchDirectory) -> UploadFolder {
        var folder = UploadFolder(workspacePath: workspace.path)
        folder.now = { Self.moment }
        return folder
    }

    @Test("the same name twice: the second is name-2.ext, and the first keeps its bytes")
    func sameNameTwice() async throws {
        let workspace = try ScratchDirectory()
        defer { workspace.remove() }
        let uploads = folder(workspace)
        let first = try await uploads.save(Data("first".utf8), suggestedName: "notes.txt", isPhoto: false)
        let second = try await uploads.save(Data("second".utf8), suggestedName: "notes.txt", isPhoto: false)
        #expect(first == "uploads/2025-03-01/notes.txt")
        #expect(second == "uploads/2025-03-01/notes-2.txt")
        #expect(try String(contentsOfFile: workspace.path + "/" + first, encoding: .utf8) == "first")
        #expect(try String(contentsOfFile: workspace.path + "/" + second, encoding: .utf8) == "second")
    }

    @Test("many uploads of one name at once each get a file of their own")
    func concurrentUploads() async throws {
        let workspace = try ScratchDirectory()
        defer { workspace.remove() }
        let uploads = folder(workspace)
        let paths = try await withThrowingTaskGroup(of: String.self) { group in
            for index in 0..<8 {
                group.addTask { try await uploads.save(Data("\(index)".utf8), suggestedName: "a.txt", isPhoto: false) }
            }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(Set(paths).count == 8)
        let contents = try paths.map { try String(contentsOfFile: workspace.path + "/" + $0, encoding: .utf8) }
        #expect(Set(contents) == Set((0..<8).map(String.init)))
    }

    @Test("a hostile name stays inside the day's folder; a photo is photo-<HHMMSS>.jpg; no name is \"file\"")
    func names() async throws {
        let workspace = try ScratchDirectory()
        defer { workspace.remove() }
        let uploads = folder(workspace)
        #expect(try await uploads.save(Data("x".utf8), suggestedName: "../../.bashrc", isPhoto: false)
            == "uploads/2025-03-01/bashrc")
        #expect(try await uploads.save(Data("x".utf8), suggestedName: nil, isPhoto: true)
            == "uploads/2025-03-01/photo-235958.jpg")
        #expect(try await uploads.save(Data("x".utf8), suggestedName: "..", isPhoto: false) == "uploads/2025-03-01/file")
        #expect(!FileManager.default.fileExists(atPath: workspace.path + "/.bashrc"))
    }

    @Test("files are the daemon user's alone: 0600 in 0700 folders")
    func permissions() async throws {
        let workspace = try ScratchDirectory()
        defer { workspace.remove() }
        let path = try await folder(workspace).save(Data("x".utf8), suggestedName: "p.txt", isPhoto: false)
        var info = stat()
        #expect(stat(workspace.path + "/" + path, &info) == 0 && info.st_mode & 0o777 == 0o600)
        #expect(stat(workspace.path + "/uploads", &info) == 0 && info.st_mode & 0o777 == 0o700)
    }

    @Test("an uploads folder that is a link (planted by a job) is refused, and nothing is written through it")
    func linkRefused() async throws {
        let workspace = try ScratchDirectory()
        let elsewhere = try ScratchDirectory()
        defer {
            workspace.remove()
            elsewhere.remove()
        }
        #expect(symlink(elsewhere.path, workspace.path + "/uploads") == 0)
        await #expect(throws: UploadError.self) {
            try await folder(workspace).save(Data("x".utf8), suggestedName: "evil.txt", isPhoto: false)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty)
    }
}
