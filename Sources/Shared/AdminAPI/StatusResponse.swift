import Foundation

/// `GET /v1/status`: the daemon's identity, channels, locks and configuration (SPEC §6).
public struct StatusResponse: Codable, Sendable, Equatable {
    /// Claudio's version.
    public var version: String
    public var pid: Int
    public var startedAt: Date
    /// Whole seconds since `startedAt`.
    public var uptimeSeconds: Int
    public var channels: [ChannelStatus]
    public var locks: [LockStatus]
    public var limits: LimitsInfo
    /// `SKIP_PERMISSIONS`.
    public var skipPermissions: Bool
    /// `ALLOWED_TOOLS` as configured: `*` for every tool, else the comma-separated list.
    public var allowedTools: String
    public var claudeCLI: ClaudeCLIStatus
    /// How jobs are contained.
    public var sandbox: SandboxStatus

    public init(
        version: String, pid: Int, startedAt: Date, uptimeSeconds: Int, channels: [ChannelStatus],
        locks: [LockStatus], limits: LimitsInfo, skipPermissions: Bool, allowedTools: String, claudeCLI: ClaudeCLIStatus,
        sandbox: SandboxStatus
    ) {
        self.version = version
        self.pid = pid
        self.startedAt = startedAt
        self.uptimeSeconds = uptimeSeconds
        self.channels = channels
        self.locks = locks
        self.limits = limits
        self.skipPermissions = skipPermissions
        self.allowedTools = allowedTools
        self.claudeCLI = claudeCLI
        self.sandbox = sandbox
    }

    enum CodingKeys: String, CodingKey {
        case version
        case pid
        case startedAt = "started_at"
        case uptimeSeconds = "uptime_seconds"
        case channels
        case locks
        case limits
        case skipPermissions = "skip_permissions"
        case allowedTools = "allowed_tools"
        case claudeCLI = "claude_cli"
        case sandbox
    }
}
