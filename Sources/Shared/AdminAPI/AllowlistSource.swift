/// Where a reloaded allowlist came from: the env file, or the process environment (which wins over the file, so a
/// list set there does not change on reload).
public enum AllowlistSource: String, Codable, Sendable, Hashable, CaseIterable {
    case file
    case environment
}
