/// `GET /v1/denied?limit=N`: the newest denied-access records first.
public struct DeniedResponse: Codable, Sendable, Equatable {
    /// The default of `limit` when the query omits it.
    public static let defaultLimit = 50
    /// The accepted values of `limit`.
    public static let limitRange = 1...1000

    public var denied: [DeniedRecord]

    public init(denied: [DeniedRecord]) {
        self.denied = denied
    }

    enum CodingKeys: String, CodingKey {
        case denied
    }
}
