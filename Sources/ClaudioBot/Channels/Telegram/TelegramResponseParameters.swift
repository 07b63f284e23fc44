/// `ResponseParameters`: why a request failed and what to do about it.
struct TelegramResponseParameters: Decodable, Sendable, Equatable {
    /// Seconds to wait before the next request (429 Too Many Requests).
    var retryAfter: Int?
    /// The group became a supergroup with this ID.
    var migrateToChatID: Int64?

    private enum CodingKeys: String, CodingKey {
        case retryAfter = "retry_after", migrateToChatID = "migrate_to_chat_id"
    }

    init(retryAfter: Int? = nil, migrateToChatID: Int64? = nil) {
        self.retryAfter = retryAfter
        self.migrateToChatID = migrateToChatID
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        retryAfter = container.lenientValue(Int.self, forKey: .retryAfter)
        migrateToChatID = container.lenientValue(Int64.self, forKey: .migrateToChatID)
    }
}
