/// What an envelope asks Claudio to do, once read. Slash commands carry their `response_url`, through which
/// Claudio answers the caller alone.
enum SlackInboundAction: Sendable {
    /// A direct message or a mention: a prompt, answered in its thread.
    case prompt(InboundMessage)
    /// `/claudio <prompt>`: the job answers in the channel; gate and queue replies go to the caller alone.
    case slashPrompt(InboundMessage, responseURL: String?)
    /// `/claudio-new`.
    case newConversation(InboundMessage, responseURL: String?)
    /// `/claudio-status`: answered for anyone, authorized or not.
    case status(InboundMessage, responseURL: String?)
    /// Any other slash command routed to the app.
    case help(InboundMessage, responseURL: String?)
    /// Nothing to do; the reason is logged at debug level.
    case ignore(reason: String)

    /// The chat whose order the action keeps; nil for an ignored envelope.
    var chatID: String? {
        switch self {
        case .prompt(let message), .slashPrompt(let message, _), .newConversation(let message, _),
            .status(let message, _), .help(let message, _):
            message.chatID
        case .ignore:
            nil
        }
    }
}
