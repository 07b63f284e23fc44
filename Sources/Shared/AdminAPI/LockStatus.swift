import Foundation

/// One instance lock (SPEC §8) in `GET /v1/status`.
public struct LockStatus: Codable, Sendable, Equatable {
    /// The channel the lock guards.
    public var channel: Platform
    /// The lock file, e.g. `/tmp/telegram_claude_bot.lock`.
    public var path: String
    /// Whether this daemon holds the lock.
    public var held: Bool
    /// The PID written in the lock file, when it holds one.
    public var holderPID: Int?
    /// When this daemon acquired the lock; nil when it does not hold it.
    public var since: Date?

    public init(channel: Platform, path: String, held: Bool, holderPID: Int? = nil, since: Date? = nil) {
        self.channel = channel
        self.path = path
        self.held = held
        self.holderPID = holderPID
        self.since = since
    }

    enum CodingKeys: String, CodingKey {
        case channel
        case path
        case held
        case holderPID = "holder_pid"
        case since
    }

    // Written by hand so a missing value is an explicit `null`: every key of SPEC §6 is always present.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(channel, forKey: .channel)
        try container.encode(path, forKey: .path)
        try container.encode(held, forKey: .held)
        try container.encode(holderPID, forKey: .holderPID)
        try container.encode(since, forKey: .since)
    }
}
