import GRDB
import Shared

/// Job history entries are rows of `job_history`; the entry's coding keys are the column names.
extension JobHistoryEntry: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "job_history"

    public static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy {
        .timeIntervalSince1970
    }

    public static func databaseDateDecodingStrategy(for column: String) -> DatabaseDateDecodingStrategy {
        .timeIntervalSince1970
    }
}
