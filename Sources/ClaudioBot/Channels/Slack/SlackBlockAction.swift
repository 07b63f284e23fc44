/// The `payload` of an `interactive` envelope of type `block_actions`: someone pressed a button of Claudio's message.
struct SlackBlockAction: Decodable, Sendable, Equatable {
    var userID: String
    var userName: String?
    /// The presser's workspace.
    var teamID: String?
    var channelID: String?
    /// The message the button is under, and its thread.
    var messageTS: String?
    var threadTS: String?
    /// The pressed button's `value`: untrusted.
    var value: String?

    private enum CodingKeys: String, CodingKey {
        case type, user, channel, message, container, actions, team
    }

    private struct User: Decodable {
        var id: String
        var username: String?
        var name: String?
        var team_id: String?
    }

    private struct Identified: Decodable {
        var id: String?
    }

    private struct Message: Decodable {
        var ts: String?
        var thread_ts: String?
    }

    private struct Container: Decodable {
        var message_ts: String?
        var channel_id: String?
        var thread_ts: String?
    }

    private struct Action: Decodable {
        var value: String?
    }

    init(
        userID: String, userName: String? = nil, teamID: String? = nil, channelID: String?, messageTS: String?,
        threadTS: String? = nil, value: String?
    ) {
        self.userID = userID
        self.userName = userName
        self.teamID = teamID
        self.channelID = channelID
        self.messageTS = messageTS
        self.threadTS = threadTS
        self.value = value
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let type = try container.decode(String.self, forKey: .type)
        guard type == "block_actions" else {
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: container, debugDescription: "not block_actions but \(type)")
        }
        let user = try container.decode(User.self, forKey: .user)
        let place = try? container.decodeIfPresent(Container.self, forKey: .container)
        let message = try? container.decodeIfPresent(Message.self, forKey: .message)
        userID = user.id
        userName = user.username ?? user.name
        teamID = user.team_id ?? (try? container.decodeIfPresent(Identified.self, forKey: .team))?.id
        channelID = (try? container.decodeIfPresent(Identified.self, forKey: .channel))?.id ?? place?.channel_id
        messageTS = message?.ts ?? place?.message_ts
        threadTS = message?.thread_ts ?? place?.thread_ts
        value = (try? container.decodeIfPresent([Action].self, forKey: .actions))?.first?.value
    }
}
