/// Every problem found in a configuration, reported together so the operator fixes them in one go.
public struct SettingsError: Error, Sendable, CustomStringConvertible {
    public var issues: [SettingsIssue]

    public init(_ issues: [SettingsIssue]) {
        self.issues = issues
    }

    public var description: String {
        let noun = issues.count == 1 ? "problem" : "problems"
        return (["Invalid configuration (\(issues.count) \(noun)):"] + issues.map { "  - \($0)" }).joined(separator: "\n")
    }
}
