import Shared

/// A JSON-RPC 2.0 answer: the method's result, or an error with one of the standard codes.
enum JSONRPCReply: Sendable, Equatable {
    case result(JSONValue)
    case error(code: ErrorCode, message: String)

    /// The codes of the JSON-RPC 2.0 specification that Claudio's server uses.
    enum ErrorCode: Int64, Sendable {
        case invalidRequest = -32600
        case methodNotFound = -32601
        case invalidParams = -32602
    }

    /// The whole message, answering the request `id` (0 when there was none to echo, as the CLI's own transcript
    /// shows for a notification).
    func message(id: JSONValue?) -> JSONValue {
        var message: [String: JSONValue] = ["jsonrpc": "2.0", "id": id ?? 0]
        switch self {
        case .result(let result):
            message["result"] = result
        case .error(let code, let text):
            message["error"] = ["code": .integer(code.rawValue), "message": .string(text)]
        }
        return .object(message)
    }
}
