import Foundation
import Glibc
import Shared
import Testing

@testable import ClaudioBot

@Suite("send_file reads only regular files inside the workspace, links resolved, within MAX_SEND_FILE_BYTES (SPEC §14)")
struct WorkspaceFileReaderTests {
    /// A workspace with `report.txt` and `docs/notes.md`, beside a folder outside it holding `secret.txt`.
    struct Layout {
        let scratch: ScratchDirectory
        var workspace: String { scratch.path + "/workspace" }
        var outside: String { scratch.path + "/outside" }

        init() throws {
            scratch = try ScratchDirectory()
            let files = FileManager.default
            try files.createDirectory(atPath: workspace + "/docs", withIntermediateDirectories: true)
            try files.createDirectory(atPath: outside, withIntermediateDirectories: true)
            try Data("the report".utf8).write(to: URL(fileURLWithPath: workspace + "/report.txt"))
            try Data("# notes".utf8).write(to: URL(fileURLWithPath: workspace + "/docs/notes.md"))
            try Data("top secret".utf8).write(to: URL(fileURLWithPath: outside + "/secret.txt"))
        }

        func reader(maxBytes: Int = 1000, workspacePath: String? = nil) -> WorkspaceFileReader {
            WorkspaceFileReader(workspacePath: workspacePath ?? workspace, maxBytes: maxBytes)
        }

        func link(_ name: String, to target: String) throws {
            try FileManager.default.createSymbolicLink(atPath: workspace + "/" + name, withDestinationPath: target)
        }

        func remove() { scratch.remove() }
    }

    func refusal(_ path: String, _ reader: WorkspaceFileReader) async -> SendFileRefusal? {
        do {
            _ = try await reader.read(path)
            return nil
        } catch {
            return error
        }
    }

    @Test("a relative path, a path into a folder, and an absolute path inside the workspace are read")
    func insidePaths() async throws {
        let layout = try Layout()
        defer { layout.remove() }
        let reader = layout.reader()
        #expect(try await reader.read("report.txt") == Data("the report".utf8))
        #expect(try await reader.read("docs/notes.md") == Data("# notes".utf8))
        #expect(try await reader.read("./docs/../report.txt") == Data("the report".utf8))
        #expect(try await reader.read(layout.workspace + "/docs/notes.md") == Data("# notes".utf8))
    }

    @Test("`..` out of the workspace and an absolute path outside it are refused, whether or not the file exists")
    func outsidePaths() async throws {
        let layout = try Layout()
        defer { layout.remove() }
        let reader = layout.reader()
        #expect(await refusal("../outside/secret.txt", reader) == .outsideWorkspace)
        #expect(await refusal("docs/../../outside/secret.txt", reader) == .outsideWorkspace)
        #expect(await refusal("../outside/no-such-file", reader) == .outsideWorkspace)
        #expect(await refusal(layout.outside + "/secret.txt", reader) == .outsideWorkspace)
        #expect(await refusal("/etc/passwd", reader) == .outsideWorkspace)
        // A sibling whose name merely starts like the workspace's is outside too.
        try FileManager.default.createDirectory(atPath: layout.workspace + "-other", withIntermediateDirectories: true)
        try Data("x".utf8).write(to: URL(fileURLWithPath: layout.workspace + "-other/x.txt"))
        #expect(await refusal(layout.workspace + "-other/x.txt", reader) == .outsideWorkspace)
    }

    @Test("a link out of the workspace is refused, to a file or through a folder; a link that stays inside is followed")
    func links() async throws {
        let layout = try Layout()
        defer { layout.remove() }
        let reader = layout.reader()
        try layout.link("leak.txt", to: layout.outside + "/secret.txt")
        try layout.link("escape", to: layout.outside)
        try layout.link("latest.md", to: "docs/notes.md")
        try layout.link("documents", to: layout.workspace + "/docs")
        #expect(await refusal("leak.txt", reader) == .outsideWorkspace)
        #expect(await refusal("escape/secret.txt", reader) == .outsideWorkspace)
        #expect(try await reader.read("latest.md") == Data("# notes".utf8))
        #expect(try await reader.read("documents/notes.md") == Data("# notes".utf8))
    }

    @Test("a workspace reached through a link: its real path and the path as configured both count as inside")
    func linkedWorkspace() async throws {
        let layout = try Layout()
        defer { layout.remove() }
        let linked = layout.scratch.path + "/linked-workspace"
        try FileManager.default.createSymbolicLink(atPath: linked, withDestinationPath: layout.workspace)
        let reader = layout.reader(workspacePath: linked)
        #expect(try await reader.read("report.txt") == Data("the report".utf8))
        #expect(try await reader.read(linked + "/report.txt") == Data("the report".utf8))
        #expect(try await reader.read(layout.workspace + "/report.txt") == Data("the report".utf8))
        #expect(await refusal(linked + "/../outside/secret.txt", reader) == .outsideWorkspace)
    }

    @Test("a folder, a FIFO (without blocking) and the workspace itself are not regular files; a missing file is not found")
    func notRegularFiles() async throws {
        let layout = try Layout()
        defer { layout.remove() }
        let reader = layout.reader()
        #expect(mkfifo(layout.workspace + "/pipe", 0o600) == 0)
        #expect(await refusal("docs", reader) == .notRegularFile)
        #expect(await refusal("pipe", reader) == .notRegularFile)
        #expect(await refusal(".", reader) == .notRegularFile)
        #expect(await refusal("missing.txt", reader) == .notFound)
        #expect(await refusal("missing/deeper.txt", reader) == .notFound)
        #expect(await refusal("report.txt/inside", reader) == .notFound)
        try layout.link("dangling", to: layout.workspace + "/gone.txt")
        #expect(await refusal("dangling", reader) == .notFound)
    }

    @Test("a file above the limit is refused with its size and the limit; one at the limit is read")
    func sizeLimit() async throws {
        let layout = try Layout()
        defer { layout.remove() }
        try Data(repeating: 0x41, count: 1001).write(to: URL(fileURLWithPath: layout.workspace + "/big.bin"))
        try Data(repeating: 0x41, count: 1000).write(to: URL(fileURLWithPath: layout.workspace + "/fits.bin"))
        let reader = layout.reader(maxBytes: 1000)
        #expect(await refusal("big.bin", reader) == .tooLarge(bytes: 1001, max: 1000))
        #expect(SendFileRefusal.tooLarge(bytes: 1001, max: 1000).reason == "too large: 1001 bytes (max 1000)")
        #expect(try await reader.read("fits.bin").count == 1000)
    }

    @Test("a file the daemon may not read says why")
    func unreadable() async throws {
        // Root reads anything; the check means nothing then.
        guard geteuid() != 0 else { return }
        let layout = try Layout()
        defer { layout.remove() }
        #expect(chmod(layout.workspace + "/report.txt", 0) == 0)
        #expect(await refusal("report.txt", layout.reader()) == .unreadable(reason: "Permission denied"))
    }

    @Test("paths are worked out as written: dots, double slashes, and `..` above the root")
    func lexicalPaths() {
        #expect(WorkspaceFileReader.normalized("/a/./b//c/../d") == "/a/b/d")
        #expect(WorkspaceFileReader.normalized("/../../etc") == "/etc")
        #expect(WorkspaceFileReader.isInside("/srv/ws/a", "/srv/ws"))
        #expect(WorkspaceFileReader.isInside("/srv/ws", "/srv/ws"))
        #expect(!WorkspaceFileReader.isInside("/srv/ws2/a", "/srv/ws"))
        #expect(WorkspaceFileReader.isInside("/anything", "/"))
    }
}

@Suite("send_file keeps back what jobs are never shown, also when it lies in the workspace (SPEC §12, §14)")
struct WorkspaceFileReaderHiddenTests {
    @Test("the env file, the state database and JOB_SANDBOX_HIDE paths in the workspace are refused; other files are sent")
    func hiddenFiles() async throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let workspace = scratch.path
        let files = FileManager.default
        try files.createDirectory(atPath: workspace + "/state", withIntermediateDirectories: true)
        try files.createDirectory(atPath: workspace + "/private", withIntermediateDirectories: true)
        for name in ["state/claudio.sqlite", "private/keys.txt", "notes.txt"] {
            try Data("content of \(name)".utf8).write(to: URL(fileURLWithPath: workspace + "/" + name))
        }
        try Data("TELEGRAM_BOT_TOKEN=1:secret\nALLOWED_USER_IDS=42\n".utf8)
            .write(to: URL(fileURLWithPath: workspace + "/.env"))
        try files.createSymbolicLink(atPath: workspace + "/env-link", withDestinationPath: workspace + "/.env")
        var settings = try await SettingsLoader.load(
            processEnvironment: [
                "HOME": workspace, "WORKSPACE_PATH": workspace, "CLAUDIO_STATE_DIR": workspace + "/state",
                "JOB_SANDBOX_HIDE": workspace + "/private",
            ],
            envFilePath: workspace + "/.env")
        settings.maxSendFileBytes = 1000
        let reader = WorkspaceFileReader(settings: settings)
        for path in [".env", "env-link", "state/claudio.sqlite", "private/keys.txt", workspace + "/.env"] {
            await #expect(throws: SendFileRefusal.hiddenFromJobs, "\(path)") { try await reader.read(path) }
        }
        #expect(try await reader.read("notes.txt") == Data("content of notes.txt".utf8))
    }
}
