/// One problem with one variable: what it is, the value (secrets masked), what is wrong and what is expected.
public struct SettingsIssue: Sendable, Equatable, CustomStringConvertible {
    public var variable: String
    /// The offending value as it may be shown: secrets are already masked. Nil when the variable is unset.
    public var shownValue: String?
    public var problem: String
    public var expected: String

    public init(variable: String, shownValue: String?, problem: String, expected: String) {
        self.variable = variable
        self.shownValue = shownValue
        self.problem = problem
        self.expected = expected
    }

    public var description: String {
        let subject = shownValue.map { "\(variable)=\"\($0)\"" } ?? variable
        return "\(subject): \(problem). Expected \(expected)."
    }
}
