import Shared

/// Why a job's process tree was killed; each reason has its own message to the user (SPEC §5).
enum KillReason: String, Sendable, Codable {
    case timeout
    case admin
    case cancel
    case shutdown

    /// - Parameter timeoutSeconds: `COMMAND_TIMEOUT`, shown for `.timeout`.
    func userMessage(timeoutSeconds: Double) -> String {
        switch self {
        case .timeout: "⏱️ Timed out after \(SecondsText.format(timeoutSeconds)) s"
        case .admin: "🛑 Stopped by the administrator"
        case .cancel: "🛑 Cancelled"
        case .shutdown: "⚠️ Interrupted: Claudio is shutting down"
        }
    }

    /// The job-history outcome this reason records.
    var outcome: JobOutcomeKind {
        switch self {
        case .timeout: .timeout
        case .admin: .killed
        case .cancel: .cancelled
        case .shutdown: .interrupted
        }
    }
}
