/// How a tool request ended (SPEC §13).
public enum ApprovalDecisionKind: String, Codable, Sendable, Hashable, CaseIterable {
    case allow
    /// Allowed, and the tool's later requests in the same job answered alike.
    case allowJob = "allow_job"
    case deny
    /// No answer within `APPROVAL_TIMEOUT`: denied.
    case timeout
    /// The job ended (cancelled, killed, timed out, shut down) while the request waited.
    case ended

    /// Whether the tool was allowed to run.
    public var allowsTool: Bool { self == .allow || self == .allowJob }
}
