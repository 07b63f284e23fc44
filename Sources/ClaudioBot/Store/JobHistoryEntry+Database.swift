import GRDB

/// Job history entries are rows of `job_history`; the entry's coding keys are the column names.
extension JobHistoryEntry: FetchableRecord, PersistableRecord {
    static let databaseTableName = "job_history"

    static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy {
        .timeIntervalSince1970
    }

    static func databaseDateDecodingStrategy(for column: String) -> DatabaseDateDecodingStrategy {
        .timeIntervalSince1970
    }
}
