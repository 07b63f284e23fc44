import Foundation
import GRDB
import Logging

/// Claudio's state in SQLite (SPEC §10): claude sessions, the Telegram update offset, accepted prompts until their job
/// has finished (SPEC §18), job history and denied-access records, all surviving a restart.
///
/// The database is `<state directory>/claudio.sqlite` in WAL mode, so reads never wait for a write. Writes go through
/// one `StoreWriter` and every method returns once its write is committed; a caller that must not wait hands the call
/// to a task of its own. Failures of reads and writes are logged, never fatal: a lost history row must not stop a
/// prompt. Only `open` (which the daemon cannot do without), `saveTelegramOffset` and `storePrompt` (which must not be
/// silently lost, or a restart would run a message twice or lose it) throw.
final class StateStore: Sendable {
    static let fileName = "claudio.sqlite"

    /// The database file.
    let path: String
    let logger: Logger
    private let pool: DatabasePool
    private let writer: StoreWriter

    private init(path: String, pool: DatabasePool, logger: Logger) {
        self.path = path
        self.pool = pool
        self.writer = StoreWriter(pool: pool)
        self.logger = logger
    }

    /// Opens (creating when missing) the state database in `stateDirectory`, migrates it to the current schema and
    /// prunes job history and denied-access records to the newest `retainedRows` each.
    ///
    /// The directory is created with mode 0700 when missing; the database and SQLite's files beside it are 0600
    /// (`DatabaseFiles`).
    /// - Parameter busyTimeout: how long a write waits for a lock another process holds before it fails.
    static func open(
        stateDirectory: String,
        retainedRows: Int = StateSchema.defaultRetainedRows,
        busyTimeout: TimeInterval = 5,
        logger: Logger = Logger(label: "claudio.store")
    ) async throws(StateStoreError) -> StateStore {
        let opened = await BlockingCall.run(name: "claudio-store-open") { () -> Result<StateStore, StateStoreError> in
            do throws(StateStoreError) {
                return .success(
                    try openBlocking(
                        stateDirectory: stateDirectory, retainedRows: retainedRows, busyTimeout: busyTimeout,
                        logger: logger))
            } catch {
                return .failure(error)
            }
        }
        return try opened.get()
    }

    /// Waits for the writes already handed over, then closes the database. Later writes fail with
    /// `StateStoreError.closed`; later reads find nothing.
    func close() async {
        await writer.finish()
        let pool = pool
        let logger = logger
        await BlockingCall.run(name: "claudio-store-close") {
            do {
                try pool.close()
            } catch {
                logger.warning("closing the state database: \(error)")
            }
        }
    }

    /// Runs `update` in a transaction behind the writes already handed over, logging a failure as "cannot store `what`".
    func write(_ what: @autoclosure () -> String, _ update: @escaping @Sendable (Database) throws -> Void) async {
        do {
            try await writer.perform(update)
        } catch {
            logger.error("cannot store \(what()): \(error)")
        }
    }

    /// Runs `read` on a reader connection, logging a failure as "cannot read `what`" and returning `fallback`.
    func read<Value: Sendable>(
        _ what: @autoclosure () -> String,
        fallback: Value,
        _ read: @escaping @Sendable (Database) throws -> Value
    ) async -> Value {
        do {
            return try await pool.read(read)
        } catch {
            logger.error("cannot read \(what()): \(error)")
            return fallback
        }
    }

    /// Queues `update` behind the writes already handed over and rethrows its failure.
    func writeOrThrow(_ update: @escaping @Sendable (Database) throws -> Void) async throws {
        try await writer.perform(update)
    }
}

// MARK: - Opening

extension StateStore {
    private static func openBlocking(
        stateDirectory: String, retainedRows: Int, busyTimeout: TimeInterval, logger: Logger
    ) throws(StateStoreError) -> StateStore {
        try StateDirectory.prepare(stateDirectory)
        let path = (stateDirectory as NSString).appendingPathComponent(fileName)
        try DatabaseFiles.makePrivate(path)
        do {
            let pool = try DatabasePool(path: path, configuration: configuration(busyTimeout: busyTimeout))
            try checkIntegrity(of: pool, path: path)
            try StateSchema.migrator.migrate(pool)
            let pruned = try pool.write { db in try StateSchema.prune(db, retainedRows: retainedRows) }
            logger.info("state database ready", metadata: ["path": "\(path)", "pruned_rows": "\(pruned)"])
            return StateStore(path: path, pool: pool, logger: logger)
        } catch let error as StateStoreError {
            throw error
        } catch let error as DatabaseError {
            switch error.resultCode {
            case .SQLITE_NOTADB, .SQLITE_CORRUPT:
                throw .corruptDatabase(path: path, reason: error.message ?? "\(error.resultCode)")
            default:
                throw .cannotOpenDatabase(path: path, reason: error.message ?? "\(error.resultCode)")
            }
        } catch {
            throw .cannotOpenDatabase(path: path, reason: "\(error)")
        }
    }

    private static func configuration(busyTimeout: TimeInterval) -> Configuration {
        var configuration = Configuration()
        configuration.label = "claudio.store"
        // Another process (e.g. an operator's sqlite3 shell) may hold a lock briefly; wait rather than fail at once.
        configuration.busyMode = .timeout(busyTimeout)
        configuration.prepareDatabase { db in
            // In WAL mode only FULL syncs the log at every commit; NORMAL could lose the last commits on power
            // loss, and a lost Telegram offset means a message runs twice.
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        return configuration
    }

    /// A damaged page is otherwise only found when a query happens to touch it, long after start; `quick_check` reads
    /// every page once, which is cheap at the size the pruning keeps the file.
    private static func checkIntegrity(of pool: DatabasePool, path: String) throws {
        let problems = try pool.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check") }
        guard problems == ["ok"] else {
            throw StateStoreError.corruptDatabase(path: path, reason: problems.prefix(3).joined(separator: "; "))
        }
    }
}
