import Foundation
import Glibc
import Testing

@testable import ClaudioBot

/// `claudio run`'s files are its user's only whatever umask it was started with, and an existing socket directory
/// is checked (SPEC §18 "Files on disk").
@Suite("Files on disk through the built binary", .serialized)
struct FilesOnDiskTests {
    let files: DaemonTestFiles
    var directory: ScratchDirectory { files.directory }

    init() throws {
        files = try DaemonTestFiles()
    }

    private func mode(_ path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return String(info.st_mode & 0o7777, radix: 8)
    }

    @Test("started under umask 000: state directory 700, database, -wal and -shm 600, socket directory 700, socket 600")
    func permissiveUmask() async throws {
        defer { files.remove() }
        let environment = files.environment()
        let daemon = try DaemonProcess(
            directory: directory, environment: environment, runner: ["/bin/sh", "-c", "umask 000; exec \"$@\"", "sh"])
        defer { Task { await daemon.stop() } }
        #expect(await daemon.waitUntilReady(), "\(daemon.stderr)")
        let state = directory.path + "/state"
        let database = state + "/claudio.sqlite"
        let expected = [
            state: "700", database: "600", database + "-wal": "600", database + "-shm": "600",
            directory.path + "/run": "700", daemon.socketPath: "600",
            directory.path + "/telegram_claude_bot.lock": "600",
        ]
        let found = Dictionary(uniqueKeysWithValues: expected.keys.map { ($0, mode($0)) })
        #expect(found == expected.mapValues { Optional($0) }, "\(found)")
        let others = try FileManager.default.contentsOfDirectory(atPath: state).filter { !$0.hasPrefix("claudio.sqlite") }
        #expect(others.isEmpty, "unexpected files in the state directory: \(others)")
        #expect(await daemon.terminate().code == 0)
    }

    @Test("an existing socket directory of mode 777 is made 700; one of another user stops the start with exit 1")
    func existingSocketDirectory() async throws {
        defer { files.remove() }
        let run = directory.path + "/run"
        mkdir(run, 0o700)
        chmod(run, 0o777)
        let environment = files.environment()
        let daemon = try DaemonProcess(directory: directory, environment: environment)
        defer { Task { await daemon.stop() } }
        #expect(await daemon.waitUntilReady(), "\(daemon.stderr)")
        #expect(mode(run) == "700")
        #expect(daemon.stderr.contains("made the admin socket's directory \(run) private: mode 700 (it was 777)"))
        #expect(await daemon.terminate().code == 0)

        guard geteuid() == 0 else { return }
        chown(run, 65534, 65534)
        let refused = try DaemonProcess(directory: directory, environment: environment)
        let status = await refused.waitForExit()
        #expect(status.code == 1, "\(refused.stderr)")
        #expect(refused.stderr.contains("the admin socket's directory \(run) is owned by uid 65534"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: run + "/admin.sock"))
    }
}
