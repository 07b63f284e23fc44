/// How jobs are contained, in `GET /v1/status` (SPEC §12).
public struct SandboxStatus: Codable, Sendable, Equatable {
    public enum Mode: String, Codable, Sendable {
        /// Each job runs under bubblewrap.
        case bwrap
        /// Jobs run unsandboxed.
        case off
    }

    public var mode: Mode
    /// Nil with bwrap; else why jobs run unsandboxed: `JOB_SANDBOX=off`, `bwrap not installed`, `probe failed: …`.
    public var reason: String?

    public init(mode: Mode, reason: String? = nil) {
        self.mode = mode
        self.reason = reason
    }

    public var isSandboxed: Bool { mode == .bwrap }

    /// The one-line warning shown wherever jobs run unsandboxed; nil when they are sandboxed.
    public var warning: String? {
        guard mode == .off else { return nil }
        return "jobs run UNSANDBOXED (\(reason ?? "no sandbox")): a job can read everything this user can, "
            + "including the bot tokens and Claudio's state. Install bubblewrap (apt-get install bubblewrap) and use "
            + "JOB_SANDBOX=auto or bwrap."
    }

    // Written by hand so a missing reason is an explicit `null`: every key of SPEC §12 is always present.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(mode, forKey: .mode)
        try container.encode(reason, forKey: .reason)
    }

    enum CodingKeys: String, CodingKey {
        case mode
        case reason
    }
}
