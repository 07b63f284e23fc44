import Shared

/// What the admin API serves: the daemon's live state, its history and metrics, and its two actions (SPEC §6, §16).
///
/// `AdminServer` only translates HTTP to these calls; the daemon implements them over its scheduler, gate and
/// store, and tests use a fake. An error other than the ones documented below becomes a 500 with the error's
/// description as `{"error": …}`.
protocol AdminBackend: Sendable {
    /// `GET /v1/status`.
    func status() async throws -> StatusResponse
    /// `GET /v1/jobs`.
    func jobs() async throws -> JobsResponse
    /// `GET /v1/jobs/{id}`: the job's row, whole prompt, deadline, process tree and latest activity (SPEC §17).
    /// - Returns: nil when no job has that ID (a 404).
    func job(id: String) async throws -> JobDetail?
    /// `POST /v1/jobs/{id}/kill`: kills the job's whole process tree.
    /// - Returns: nil when no job has that ID (a 404).
    func kill(jobID: String) async throws -> KillResponse?
    /// `GET /v1/rate-limits`.
    func rateLimits() async throws -> RateLimitsResponse
    /// `GET /v1/denied`: at most `limit` records (already checked to be in ``DeniedResponse/limitRange``), newest
    /// first.
    func denied(limit: Int) async throws -> DeniedResponse
    /// `POST /v1/reload`: re-reads the env file's allowlists and applies them at once.
    /// - Throws: `AdminReloadError` when the file is invalid (a 422; the old lists stay in force).
    func reload() async throws -> ReloadResponse
    /// `GET /v1/history`: at most `limit` finished jobs (already checked to be in ``HistoryResponse/limitRange``),
    /// the most recently ended first.
    func history(limit: Int) async throws -> HistoryResponse
    /// The snapshot's `history`: the last ``SnapshotResponse/historyRowLimit`` finished jobs, newest first.
    func recentHistory() async throws -> [JobHistoryEntry]
    /// `GET /metrics`: the Prometheus text exposition.
    func metrics() async throws -> String
    /// `GET /v1/snapshot`.
    func snapshot() async throws -> SnapshotResponse
    /// The snapshot's `rate_limits`: the first `limit` rows of `rateLimits()`, and how many rows there are in all.
    func topRateLimits(limit: Int) async throws -> (rows: [RateLimitInfo], total: Int)
    /// `GET /v1/approvals`: tool requests waiting for an answer (SPEC §13).
    func approvals() async throws -> ApprovalsResponse
    /// `POST /v1/approvals/{id}`: the operator answers a tool request.
    func decide(approvalID: String, _ decision: OperatorDecision) async throws -> ApprovalDesk.OperatorResult
    /// `GET /v1/approvals/history`: at most `limit` decisions, newest first.
    func approvalHistory(limit: Int) async throws -> ApprovalHistoryResponse
}

extension AdminBackend {
    /// Asks for the parts one after the other; a backend that can take them under one lock (a consistent picture)
    /// overrides this.
    func snapshot() async throws -> SnapshotResponse {
        let rateLimits = try await topRateLimits(limit: SnapshotResponse.rateLimitRowLimit)
        return SnapshotResponse(
            status: try await status(), jobs: try await jobs().jobs, rateLimits: rateLimits.rows,
            rateLimitsTotal: rateLimits.total, denied: try await denied(limit: DeniedResponse.defaultLimit).denied,
            approvals: try await approvals().approvals,
            history: try await recentHistory())
    }

    func recentHistory() async throws -> [JobHistoryEntry] {
        try await history(limit: SnapshotResponse.historyRowLimit).jobs
    }

    /// A backend without tool approvals has nothing waiting and nothing decided.
    func approvals() async throws -> ApprovalsResponse { ApprovalsResponse(approvals: []) }

    func decide(approvalID: String, _ decision: OperatorDecision) async throws -> ApprovalDesk.OperatorResult {
        .unknown
    }

    func approvalHistory(limit: Int) async throws -> ApprovalHistoryResponse { ApprovalHistoryResponse(decisions: []) }

    func topRateLimits(limit: Int) async throws -> (rows: [RateLimitInfo], total: Int) {
        let rows = try await rateLimits().rateLimits
        return (Array(rows.prefix(limit)), rows.count)
    }
}
