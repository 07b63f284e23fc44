/// The chat a message belongs to (`Chat`): a private chat, a group, a supergroup or a channel.
struct TelegramChat: Decodable, Sendable, Equatable {
    var id: Int64
    /// "private", "group", "supergroup" or "channel"; nil when absent.
    var type: String?

    init(id: Int64, type: String? = "private") {
        self.id = id
        self.type = type
    }

    private enum CodingKeys: String, CodingKey {
        case id, type
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(Int64.self, forKey: .id)
        type = container.lenientValue(String.self, forKey: .type)
    }
}
