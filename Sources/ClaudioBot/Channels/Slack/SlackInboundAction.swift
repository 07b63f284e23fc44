/// What an envelope asks Claudio to do, once read.
enum SlackInboundAction: Sendable {
    /// A message for the router. Direct messages and mentions are answered in their thread; slash commands carry
    /// their `response_url`, through which Claudio answers the caller alone (a job's answer still goes to the
    /// channel).
    case message(InboundMessage, ChatRequest, responseURL: String?)
    /// Nothing to do; the reason is logged at debug level.
    case ignore(reason: String)

    /// The chat whose order the action keeps; nil for an ignored envelope.
    var chatID: String? {
        switch self {
        case .message(let message, _, _): message.chatID
        case .ignore: nil
        }
    }
}
