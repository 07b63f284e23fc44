/// An acknowledgement the client sent over the socket, and how long after the envelope it came.
struct FakeSlackAck: Sendable, Equatable {
    var envelopeID: String
    var delay: Duration
}
