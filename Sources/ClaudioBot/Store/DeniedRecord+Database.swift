import GRDB

/// Denied-access records are rows of `denied_access`; the record's coding keys are the column names.
extension DeniedRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "denied_access"

    static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy {
        .timeIntervalSince1970
    }

    static func databaseDateDecodingStrategy(for column: String) -> DatabaseDateDecodingStrategy {
        .timeIntervalSince1970
    }
}
