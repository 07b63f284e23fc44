import Shared
import Synchronization

@testable import ClaudioBot

/// An `ApprovalLog` in memory, newest last.
final class InMemoryApprovalLog: ApprovalLog {
    private let records = Mutex<[ApprovalDecisionRecord]>([])

    var all: [ApprovalDecisionRecord] { records.withLock { $0 } }

    func record(_ decision: ApprovalDecisionRecord) async {
        records.withLock { $0.append(decision) }
    }

    func decisions(limit: Int) async -> [ApprovalDecisionRecord] {
        records.withLock { Array($0.reversed().prefix(limit)) }
    }

    func decision(id: String) async -> ApprovalDecisionRecord? {
        records.withLock { $0.first { $0.id == id } }
    }
}
