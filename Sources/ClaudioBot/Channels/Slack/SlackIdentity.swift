/// Who the bot is in the workspace, from `auth.test`: events it sent itself are recognised by these IDs, and
/// mentions of it (`<@U…>`) are stripped from prompts.
struct SlackIdentity: Sendable, Equatable {
    var userID: String
    var botID: String?
    var team: String?
}
