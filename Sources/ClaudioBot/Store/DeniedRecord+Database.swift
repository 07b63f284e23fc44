import GRDB
import Shared

/// Denied-access records are rows of `denied_access`; the record's coding keys are the column names.
extension DeniedRecord: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "denied_access"

    public static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy {
        .timeIntervalSince1970
    }

    public static func databaseDateDecodingStrategy(for column: String) -> DatabaseDateDecodingStrategy {
        .timeIntervalSince1970
    }
}
