import Foundation
import Glibc
import Testing

@testable import ClaudioBot

/// The state database's files are the daemon's user's only, whatever the umask (SPEC §18 "Files on disk").
@Suite("State database files: mode 0600")
struct DatabaseFilesTests {
    private static func modes(in directory: String) throws -> [String: mode_t] {
        var modes: [String: mode_t] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory) {
            var info = stat()
            if lstat(directory + "/" + name, &info) == 0 { modes[name] = info.st_mode & 0o7777 }
        }
        return modes
    }

    @Test("opened under umask 000, the database and the -wal and -shm SQLite creates beside it are 0600")
    func privateUnderPermissiveUmask() async throws {
        try await TemporaryStateDirectory.with { root in
            let directory = root + "/state"
            // The umask is the process's: take it through the guard the admin socket's bind uses, and briefly.
            let mask = await SocketCreationMask.shared.begin(0)
            let opened: Result<StateStore, any Error>
            do {
                let store = try await StateStore.open(stateDirectory: directory)
                await store.save(sessionID: "s1", for: SessionKey(platform: .telegram, chatID: "1", userID: "1"))
                opened = .success(store)
            } catch {
                opened = .failure(error)
            }
            await SocketCreationMask.shared.end(mask)
            let store = try opened.get()
            let modes = try Self.modes(in: directory)
            await store.close()
            #expect(Set(modes.keys).isSuperset(of: ["claudio.sqlite", "claudio.sqlite-wal", "claudio.sqlite-shm"]))
            #expect(modes.values.allSatisfy { $0 == 0o600 }, "\(modes.mapValues { String($0, radix: 8) })")
        }
    }

    @Test("a database and companion files left readable by others are narrowed to 0600 when opened")
    func widerFilesNarrowed() async throws {
        try await TemporaryStateDirectory.with { root in
            let directory = root + "/state"
            let first = try await StateStore.open(stateDirectory: directory)
            await first.close()
            let database = directory + "/" + StateStore.fileName
            chmod(database, 0o644)
            // An empty journal is not a hot one: SQLite ignores it, but it must not stay readable.
            _ = FileManager.default.createFile(
                atPath: database + "-journal", contents: nil, attributes: [.posixPermissions: 0o666])
            let store = try await StateStore.open(stateDirectory: directory)
            let modes = try Self.modes(in: directory)
            await store.close()
            #expect(modes[StateStore.fileName] == 0o600)
            #expect(modes.values.allSatisfy { $0 == 0o600 }, "\(modes.mapValues { String($0, radix: 8) })")
        }
    }
}
