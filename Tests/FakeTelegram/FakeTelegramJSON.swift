import Shared

/// Any JSON value, for reading the parameters the bot sends and writing the fake's answers: Shared's `JSONValue`.
package typealias FakeTelegramJSON = JSONValue

extension JSONValue {
    /// A parameter as text: strings as they are, numbers and booleans spelled out, arrays and objects as JSON.
    package var text: String {
        switch self {
        case .null: "null"
        case .bool(let value): String(value)
        case .integer(let value): String(value)
        case .number(let value): String(value)
        case .string(let value): value
        case .array, .object: jsonText
        }
    }
}
