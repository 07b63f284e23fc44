/// A Telegram account as the Bot API describes it (`User`): the sender of a message, or the bot itself (`getMe`).
///
/// Decoding is lenient: only `id` is required, a missing or odd optional field is nil, unknown fields are ignored.
struct TelegramUser: Decodable, Sendable, Equatable {
    var id: Int64
    var isBot: Bool
    var firstName: String?
    var lastName: String?
    /// Without the `@`.
    var username: String?

    init(id: Int64, isBot: Bool = false, firstName: String? = nil, lastName: String? = nil, username: String? = nil) {
        self.id = id
        self.isBot = isBot
        self.firstName = firstName
        self.lastName = lastName
        self.username = username
    }

    private enum CodingKeys: String, CodingKey {
        case id, isBot = "is_bot", firstName = "first_name", lastName = "last_name", username
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(Int64.self, forKey: .id)
        isBot = container.lenientValue(Bool.self, forKey: .isBot) ?? false
        firstName = container.lenientValue(String.self, forKey: .firstName)
        lastName = container.lenientValue(String.self, forKey: .lastName)
        username = container.lenientValue(String.self, forKey: .username)
    }

    /// "First Last", or nil when Telegram sent neither.
    var displayName: String? {
        let name = [firstName, lastName].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        return name.isEmpty ? nil : name
    }
}
