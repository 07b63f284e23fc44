/// A `chat.postMessage` or `chat.update` the fake received.
struct FakeSlackMessage: Sendable, Equatable {
    enum Kind: Sendable { case post, update }

    var kind: Kind
    var channel: String
    var text: String
    /// The thread posted in (posts only).
    var threadTS: String?
    /// The posted message's new ts, or the updated message's ts.
    var ts: String
    var mrkdwn: Bool?
    /// The Block Kit buttons under the message, in order.
    var buttons: [FakeSlackButton] = []
}

/// A Block Kit button: its label and the `value` a press sends back.
struct FakeSlackButton: Sendable, Equatable {
    var text: String
    var value: String
}
