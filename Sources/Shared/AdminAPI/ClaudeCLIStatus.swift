/// The `claude_cli` object of `GET /v1/status`: which claude CLI the daemon runs.
///
/// Not called `ClaudeCLIInfo`: the daemon has its own type of that name (with the probe's diagnostics), and the two
/// would be ambiguous wherever both modules are imported.
public struct ClaudeCLIStatus: Codable, Sendable, Equatable {
    /// The resolved path; nil when the CLI was not found.
    public var path: String?
    /// The first line of `claude --version`; nil when it could not be read.
    public var version: String?

    public init(path: String?, version: String?) {
        self.path = path
        self.version = version
    }

    enum CodingKeys: String, CodingKey {
        case path
        case version
    }

    // Written by hand so a missing value is an explicit `null`: every key of SPEC §6 is always present.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(path, forKey: .path)
        try container.encode(version, forKey: .version)
    }
}
