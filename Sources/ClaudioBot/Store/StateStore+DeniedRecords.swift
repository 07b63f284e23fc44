import Shared
import GRDB

/// Denied-access records (SPEC §4), in the `denied_access` table.
extension StateStore: DeniedRecordSink {
    /// Inserts `record`, or updates the row with its id: a folded repeat grows `count` and `last_at`.
    func store(_ record: DeniedRecord) async {
        await write("denied-access record \(record.id)") { db in try record.upsert(db) }
    }

    /// The `limit` most recently active records, newest first (by last attempt): what the gate is seeded with.
    func deniedRecords(limit: Int) async -> [DeniedRecord] {
        await read("the denied-access records", fallback: []) { db in
            try DeniedRecord
                .order(Column("last_at").desc, Column("at").desc)
                .limit(max(0, limit))
                .fetchAll(db)
        }
    }
}
