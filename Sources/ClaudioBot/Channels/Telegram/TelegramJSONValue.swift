/// A JSON value for the parameters of a Bot API request.
enum TelegramJSONValue: Encodable, Sendable, Equatable {
    case string(String)
    case integer(Int64)
    case bool(Bool)
    case array([TelegramJSONValue])
    case object([String: TelegramJSONValue])

    /// A `chat_id`: numeric IDs go as numbers, `@channelname` as a string.
    static func chatID(_ id: String) -> TelegramJSONValue {
        Int64(id).map(TelegramJSONValue.integer) ?? .string(id)
    }

    /// The chat a `chat_id` value names, as a key (flood waits are kept per chat).
    var chatKey: String? {
        switch self {
        case .string(let value): value
        case .integer(let value): String(value)
        default: nil
        }
    }

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .string(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .integer(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .bool(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .array(let values):
            var container = encoder.unkeyedContainer()
            for value in values { try container.encode(value) }
        case .object(let members):
            var container = encoder.container(keyedBy: JSONObjectKey.self)
            for (key, value) in members { try container.encode(value, forKey: JSONObjectKey(stringValue: key)) }
        }
    }
}

extension TelegramJSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral {
    init(stringLiteral value: String) { self = .string(value) }
    init(integerLiteral value: Int64) { self = .integer(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
}
