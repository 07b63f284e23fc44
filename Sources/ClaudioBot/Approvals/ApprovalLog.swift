import Shared

/// Where decided tool requests are kept (`StateStore`, SQLite).
protocol ApprovalLog: Sendable {
    func record(_ decision: ApprovalDecisionRecord) async
    /// Newest first.
    func decisions(limit: Int) async -> [ApprovalDecisionRecord]
    func decision(id: String) async -> ApprovalDecisionRecord?
}
