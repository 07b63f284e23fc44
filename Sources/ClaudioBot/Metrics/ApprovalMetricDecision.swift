/// How a tool-approval request ended, as `claudio_approvals_total{decision}` counts it.
enum ApprovalMetricDecision: String, Sendable, CaseIterable {
    case allowed
    case denied
    /// Nobody answered within `APPROVAL_TIMEOUT`, so the tool was denied.
    case timedOut = "timed_out"
}
