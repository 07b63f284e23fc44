/// An envelope the fake sent over the socket.
struct FakeSlackDelivery: Sendable {
    var envelopeID: String
    /// The event's ID (`events_api` only); a redelivery keeps it.
    var eventID: String?
    /// The message's ts (message events only).
    var ts: String?
    /// The channel the event or command came from.
    var channel: String
    /// The envelope's payload as JSON, sent again by a redelivery.
    var payloadJSON: String
    /// `events_api` or `slash_commands`.
    var type: String
}
