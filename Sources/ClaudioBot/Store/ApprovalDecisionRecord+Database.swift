import GRDB
import Shared

/// Approval decisions are rows of `approval_decisions`; the record's coding keys are the column names.
extension ApprovalDecisionRecord: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "approval_decisions"

    public static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy {
        .timeIntervalSince1970
    }

    public static func databaseDateDecodingStrategy(for column: String) -> DatabaseDateDecodingStrategy {
        .timeIntervalSince1970
    }
}
