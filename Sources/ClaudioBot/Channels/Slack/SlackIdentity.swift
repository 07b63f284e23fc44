/// Who the bot is in the workspace, from `auth.test`: events it sent itself are recognised by these IDs, mentions of
/// it (`<@U…>`) are stripped from prompts, and senders from any other workspace are told apart by `teamID`.
struct SlackIdentity: Sendable, Equatable {
    var userID: String
    var botID: String?
    /// The workspace's name, for the log.
    var team: String?
    /// The workspace's ID (`T…`). Nil only if Slack left it out, and then no sender counts as the bot's own
    /// workspace (SPEC §18: unknown is treated as foreign).
    var teamID: String?

    init(userID: String, botID: String? = nil, team: String? = nil, teamID: String? = nil) {
        self.userID = userID
        self.botID = botID
        self.team = team
        self.teamID = teamID
    }
}
