/// Why a denied-access record was kept. The raw value is the name on the wire and in the store.
enum DeniedReason: String, Sendable, Hashable, Codable, CaseIterable {
    /// An unauthorized user sent a message.
    case notAllowed = "not_allowed"
    /// An unauthorized user asked `/myid`, which is answered but still recorded.
    case myID = "myid"
}
