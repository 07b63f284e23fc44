/// What a chat message asks Claudio to do, as its channel read it (SPEC §4.2). The channel decides this from the
/// platform's syntax (a Telegram `/command`, a Slack slash command); the router then treats every platform alike.
enum ChatRequest: Sendable, Equatable {
    /// Text to run with claude.
    case prompt
    /// `/new`, `/claudio-new`: forget this chat's claude session.
    case newConversation
    /// `/cancel`: stop the caller's job in this chat.
    case cancel
    /// `/start`, `/help`, an unknown Slack slash command.
    case help
    /// `/status`: for authorized users only.
    case status
    /// `/sessions`: the caller's last conversations in this chat.
    case conversations
    /// `/myid` (and Slack's `/claudio-status`, which adds the status for an authorized caller): answered for
    /// anyone, authorized or not.
    case whoAmI(withStatus: Bool)
    /// A Telegram command Claudio does not know.
    case unknownCommand(String)
    /// Something that is not a prompt (a sticker, an edited message): an authorized user is asked for text,
    /// anyone else hears nothing and nothing is recorded.
    case notText
}
