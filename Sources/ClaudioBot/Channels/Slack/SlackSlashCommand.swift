/// The `payload` of a `slash_commands` envelope.
struct SlackSlashCommand: Decodable, Sendable, Equatable {
    /// `/claudio`, `/claudio-new`, `/claudio-status`.
    var command: String
    /// What the user typed after the command.
    var text: String
    var userID: String
    var userName: String?
    var channelID: String
    var channelName: String?
    /// Answers the caller (ephemerally by default) without the bot being in the channel: 5 uses in 30 minutes.
    var responseURL: String?
    /// The workspace the command was sent from.
    var teamID: String?

    enum CodingKeys: String, CodingKey {
        case command, text
        case userID = "user_id"
        case userName = "user_name"
        case channelID = "channel_id"
        case channelName = "channel_name"
        case responseURL = "response_url"
        case teamID = "team_id"
    }

    init(
        command: String, text: String, userID: String, userName: String? = nil, channelID: String,
        channelName: String? = nil, responseURL: String? = nil, teamID: String? = nil
    ) {
        self.command = command
        self.text = text
        self.userID = userID
        self.userName = userName
        self.channelID = channelID
        self.channelName = channelName
        self.responseURL = responseURL
        self.teamID = teamID
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        command = try container.decode(String.self, forKey: .command)
        text = try container.decodeIfPresent(String.self, forKey: .text) ?? ""
        userID = try container.decode(String.self, forKey: .userID)
        userName = try container.decodeIfPresent(String.self, forKey: .userName)
        channelID = try container.decode(String.self, forKey: .channelID)
        channelName = try container.decodeIfPresent(String.self, forKey: .channelName)
        responseURL = try container.decodeIfPresent(String.self, forKey: .responseURL)
        teamID = try container.decodeIfPresent(String.self, forKey: .teamID)
    }
}
