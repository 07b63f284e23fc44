/// What Claudio knows about the configured claude CLI: where it is and which version it reports.
struct ClaudeCLIInfo: Sendable, Equatable {
    /// The resolved absolute path, nil when not found.
    var path: String?
    /// The first line of `claude --version`, nil when it could not be read.
    var version: String?
    /// Why the path or version is missing, for `claudio check` and `/status`.
    var problem: String?

    var isAvailable: Bool { path != nil && version != nil }
}
