/// Why a denied-access record was kept. Open: the raw value is the name on the wire and in the store, and a client
/// keeps working when the daemon adds a reason it does not know.
public struct DeniedReason: RawRepresentable, Codable, Sendable, Hashable, CustomStringConvertible {
    public var rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// An unauthorized user sent a message.
    public static let notAllowed = DeniedReason(rawValue: "not_allowed")
    /// A sender from another Slack workspace (e.g. a Slack Connect user) who is not listed by ID (SPEC §18).
    public static let otherWorkspace = DeniedReason(rawValue: "other_workspace")
    /// An unauthorized user asked `/myid`, which is answered but still recorded.
    public static let myID = DeniedReason(rawValue: "myid")

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
