import Foundation

/// One line of a job's activity in `GET /v1/jobs/{id}`.
public struct JobActivityInfo: Codable, Sendable, Equatable {
    public var at: Date
    public var kind: JobActivityKind
    /// One short line, e.g. "Bash: ls -la".
    public var summary: String

    public init(at: Date, kind: JobActivityKind, summary: String) {
        self.at = at
        self.kind = kind
        self.summary = summary
    }
}
