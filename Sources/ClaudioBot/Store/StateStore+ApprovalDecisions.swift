import GRDB
import Shared

/// Decided tool requests (SPEC §13), in the `approval_decisions` table.
extension StateStore: ApprovalLog {
    func record(_ decision: ApprovalDecisionRecord) async {
        await write("approval decision \(decision.id)") { db in try decision.upsert(db) }
    }

    func decisions(limit: Int) async -> [ApprovalDecisionRecord] {
        await read("the approval decisions", fallback: []) { db in
            try ApprovalDecisionRecord
                .order(Column("decided_at").desc)
                .limit(max(0, limit))
                .fetchAll(db)
        }
    }

    func decision(id: String) async -> ApprovalDecisionRecord? {
        await read("approval decision \(id)", fallback: nil) { db in
            try ApprovalDecisionRecord.fetchOne(db, key: id)
        }
    }
}
