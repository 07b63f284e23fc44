import Foundation
import GRDB
import Glibc
import Shared
import Testing

@testable import ClaudioBot

@Suite("State store: SQLite state that survives a restart")
struct StateStoreTests {
    let alicesChat = SessionKey(platform: .telegram, chatID: "-100200", userID: "7001")
    let bobsChat = SessionKey(platform: .slack, chatID: "C01", userID: "U02")

    @Test("a fresh file gets every table from the named migrations, in WAL mode")
    func freshFileIsMigratedInWALMode() async throws {
        try await TemporaryStateDirectory.with { root in
            let store = try await StateStore.open(stateDirectory: root + "/state")
            let path = store.path
            #expect(path == root + "/state/claudio.sqlite")
            await store.close()

            let (tables, migrated, journalMode) = try await TemporaryStateDirectory.inspect(path) { db in
                (
                    try String.fetchSet(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"),
                    try StateSchema.migrator.hasCompletedMigrations(db),
                    try String.fetchOne(db, sql: "PRAGMA journal_mode")
                )
            }
            #expect(tables.isSuperset(of: ["sessions", "telegram_offset", "job_history", "denied_access", "prompt_intake"]))
            #expect(migrated)
            #expect(journalMode == "wal")
        }
    }

    @Test("a missing state directory is created with mode 0700, missing parents included")
    func directoryIsCreatedPrivate() async throws {
        try await TemporaryStateDirectory.with { root in
            let directory = root + "/xdg/state/claudio"
            let store = try await StateStore.open(stateDirectory: directory)
            await store.close()

            var info = stat()
            #expect(stat(directory, &info) == 0)
            #expect(info.st_mode & S_IFMT == S_IFDIR)
            #expect(info.st_mode & 0o777 == 0o700)
        }
    }

    @Test("a state directory that cannot be created gives an error naming it and what to do")
    func uncreatableDirectory() async throws {
        try await TemporaryStateDirectory.with { root in
            // A regular file where a parent directory should be: mkdir fails with ENOTDIR, even for root.
            let blocker = root + "/not-a-directory"
            #expect(FileManager.default.createFile(atPath: blocker, contents: Data("x".utf8)))
            let directory = blocker + "/claudio"

            let error = await #expect(throws: StateStoreError.self) {
                try await StateStore.open(stateDirectory: directory)
            }
            #expect(error == .cannotCreateDirectory(path: directory, errno: ENOTDIR))
            #expect(error?.description.contains(directory) == true)
            #expect(error?.description.contains("CLAUDIO_STATE_DIR") == true)
        }
    }

    @Test("a state path that is a file is refused by name")
    func stateDirectoryIsAFile() async throws {
        try await TemporaryStateDirectory.with { root in
            let file = root + "/claudio"
            #expect(FileManager.default.createFile(atPath: file, contents: Data()))
            await #expect(throws: StateStoreError.notADirectory(path: file)) {
                try await StateStore.open(stateDirectory: file)
            }
        }
    }

    @Test("a file that is not an SQLite database is reported as damaged, naming it")
    func corruptFile() async throws {
        try await TemporaryStateDirectory.with { root in
            let path = root + "/claudio.sqlite"
            let garbage = Data(repeating: 0xA5, count: 8192)
            #expect(FileManager.default.createFile(atPath: path, contents: garbage))

            let error = await #expect(throws: StateStoreError.self) {
                try await StateStore.open(stateDirectory: root)
            }
            guard case .corruptDatabase(let reportedPath, _) = error else {
                Issue.record("expected corruptDatabase, got \(String(describing: error))")
                return
            }
            #expect(reportedPath == path)
            #expect(error?.description.contains("move that file") == true)
        }
    }

    @Test("sessions are saved, read, replaced and forgotten per (platform, chat, user), and survive a reopen")
    func sessionsSurviveReopen() async throws {
        try await TemporaryStateDirectory.with { root in
            let first = try await StateStore.open(stateDirectory: root)
            #expect(await first.sessionID(for: alicesChat) == nil)
            await first.save(sessionID: "s-1", for: alicesChat)
            await first.save(sessionID: "s-2", for: alicesChat)
            await first.save(sessionID: "s-bob", for: bobsChat)
            #expect(await first.sessionID(for: alicesChat) == "s-2")
            let sameChatOtherUser = SessionKey(platform: .telegram, chatID: alicesChat.chatID, userID: "7002")
            #expect(await first.sessionID(for: sameChatOtherUser) == nil)
            await first.close()

            let second = try await StateStore.open(stateDirectory: root)
            #expect(await second.sessionID(for: alicesChat) == "s-2")
            #expect(await second.sessionID(for: bobsChat) == "s-bob")
            await second.forget(alicesChat)
            #expect(await second.sessionID(for: alicesChat) == nil)
            #expect(await second.sessionID(for: bobsChat) == "s-bob")
            await second.close()

            let third = try await StateStore.open(stateDirectory: root)
            #expect(await third.sessionID(for: alicesChat) == nil)
            await third.close()
        }
    }

    @Test("the Telegram offset is nil at first, and the last one saved survives a reopen")
    func telegramOffsetSurvivesReopen() async throws {
        try await TemporaryStateDirectory.with { root in
            let first = try await StateStore.open(stateDirectory: root)
            #expect(await first.telegramOffset() == nil)
            try await first.saveTelegramOffset(41)
            try await first.saveTelegramOffset(5_000_000_042)
            await first.close()

            let second = try await StateStore.open(stateDirectory: root)
            #expect(await second.telegramOffset() == 5_000_000_042)
            await second.close()
        }
    }

    @Test("saving the offset after close throws, so the poller does not start the prompt")
    func offsetAfterCloseThrows() async throws {
        try await TemporaryStateDirectory.with { root in
            let store = try await StateStore.open(stateDirectory: root)
            await store.close()
            await #expect(throws: StateStoreError.closed) {
                try await store.saveTelegramOffset(1)
            }
        }
    }

    @Test("job history rows round-trip with outcome, exit code, cost and tools, newest first, across a reopen")
    func jobHistoryRoundTrips() async throws {
        try await TemporaryStateDirectory.with { root in
            let ok = StoreFixtures.job(
                "j1", endedAt: 1_700_000_010.25, outcome: .ok, exitCode: 0, cost: 0.0123, tools: ["Read", "Bash"])
            let timeout = StoreFixtures.job("j2", endedAt: 1_700_000_020.5, outcome: .timeout, exitCode: nil, cost: nil)
            let killed = StoreFixtures.job("j3", endedAt: 1_700_000_030.75, outcome: .killed, exitCode: nil, cost: 0.5)

            let first = try await StateStore.open(stateDirectory: root)
            await first.recordJob(ok)
            await first.recordJob(killed)
            await first.recordJob(timeout)
            await first.close()

            let second = try await StateStore.open(stateDirectory: root)
            #expect(await second.recentJobs(limit: 10) == [killed, timeout, ok])
            #expect(await second.recentJobs(limit: 1) == [killed])
            await second.close()
        }
    }

    @Test("a denied record stored again under its id is updated, and records come back newest first after a reopen")
    func deniedRecordsUpsertAndOrder() async throws {
        try await TemporaryStateDirectory.with { root in
            var flood = StoreFixtures.denied("d1", at: 1_700_000_000, user: "666")
            let myID = StoreFixtures.denied("d2", at: 1_700_000_005, user: "667", reason: .myID)

            let first = try await StateStore.open(stateDirectory: root)
            await first.store(flood)
            await first.store(myID)
            flood.count = 40
            flood.lastAt = Date(timeIntervalSince1970: 1_700_000_050.125)
            await first.store(flood)
            #expect(await first.deniedRecords(limit: 10) == [flood, myID])
            await first.close()

            let second = try await StateStore.open(stateDirectory: root)
            let seeded = await second.deniedRecords(limit: 10)
            #expect(seeded == [flood, myID])
            #expect(seeded.first?.count == 40)
            #expect(await second.deniedRecords(limit: 1) == [flood])
            await second.close()
        }
    }

    @Test("opening prunes job history and denied records to the newest rows")
    func pruningAtStart() async throws {
        try await TemporaryStateDirectory.with { root in
            let first = try await StateStore.open(stateDirectory: root)
            for index in 0..<5 {
                let time = 1_700_000_000 + Double(index)
                await first.recordJob(StoreFixtures.job("j\(index)", endedAt: time, outcome: .ok, exitCode: 0, cost: nil))
                await first.store(StoreFixtures.denied("d\(index)", at: time, user: "\(index)"))
            }
            await first.close()

            let second = try await StateStore.open(stateDirectory: root, retainedRows: 2)
            #expect(await second.recentJobs(limit: 10).map(\.id) == ["j4", "j3"])
            #expect(await second.deniedRecords(limit: 10).map(\.id) == ["d4", "d3"])
            await second.close()
        }
    }

    @Test("writes from many tasks at once are all applied")
    func concurrentWrites() async throws {
        try await TemporaryStateDirectory.with { root in
            let store = try await StateStore.open(stateDirectory: root)
            await withTaskGroup(of: Void.self) { group in
                for index in 0..<50 {
                    group.addTask {
                        let time = 1_700_000_000 + Double(index)
                        await store.recordJob(StoreFixtures.job("j\(index)", endedAt: time, outcome: .ok, exitCode: 0, cost: nil))
                    }
                }
            }
            #expect(await store.recentJobs(limit: 100).count == 50)
            await store.close()
        }
    }
}
