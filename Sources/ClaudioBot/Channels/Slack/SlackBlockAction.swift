/// The `payload` of an `interactive` envelope of type `block_actions`: someone pressed a button of Claudio's message.
struct SlackBlockAction: Decodable, Sendable, Equatable {
    var userID: String
    var userName: String?
    var channelID: String?
    /// The thread of the message the button is under: where a refusal is shown to the presser.
    var threadTS: String?
    /// The pressed button's `value`: untrusted.
    var value: String?

    private enum CodingKeys: String, CodingKey {
        case type, user, channel, message, container, actions
    }

    private enum UserKeys: String, CodingKey {
        case id, username, name
    }

    private enum IdentifiedKeys: String, CodingKey {
        case id
    }

    private enum MessageKeys: String, CodingKey {
        case threadTS = "thread_ts"
    }

    private enum ContainerKeys: String, CodingKey {
        case channelID = "channel_id"
        case threadTS = "thread_ts"
    }

    private enum ActionKeys: String, CodingKey {
        case value
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let type = try container.decode(String.self, forKey: .type)
        guard type == "block_actions" else {
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: container, debugDescription: "not block_actions but \(type)")
        }
        let user = try container.nestedContainer(keyedBy: UserKeys.self, forKey: .user)
        userID = try user.decode(String.self, forKey: .id)
        userName = user.lenientValue(String.self, forKey: .username) ?? user.lenientValue(String.self, forKey: .name)
        let place = try? container.nestedContainer(keyedBy: ContainerKeys.self, forKey: .container)
        let channel = try? container.nestedContainer(keyedBy: IdentifiedKeys.self, forKey: .channel)
        let message = try? container.nestedContainer(keyedBy: MessageKeys.self, forKey: .message)
        channelID = channel?.lenientValue(String.self, forKey: .id) ?? place?.lenientValue(String.self, forKey: .channelID)
        threadTS =
            message?.lenientValue(String.self, forKey: .threadTS) ?? place?.lenientValue(String.self, forKey: .threadTS)
        var actions = try? container.nestedUnkeyedContainer(forKey: .actions)
        let first = try? actions?.nestedContainer(keyedBy: ActionKeys.self)
        value = first?.lenientValue(String.self, forKey: .value)
    }
}
