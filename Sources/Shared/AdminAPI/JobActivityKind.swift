/// What a line of a job's activity is about (SPEC §17).
public enum JobActivityKind: String, Codable, Sendable, Hashable, CaseIterable {
    /// Claude called a tool: its name and what it works on.
    case tool
    /// A piece of Claude's text.
    case text
    /// A tool request asked, or answered (by whom, how).
    case approval
    /// A file sent to the chat.
    case file
}
