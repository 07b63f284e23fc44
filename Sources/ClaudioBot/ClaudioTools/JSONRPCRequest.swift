import Shared

/// A JSON-RPC 2.0 message the CLI sends to an in-process MCP server (inside an `mcp_message` control request): a
/// request, which has an `id` and wants an answer, or a notification, which has none.
struct JSONRPCRequest: Sendable, Equatable {
    /// Echoed in the answer: a number or a string; nil for a notification.
    var id: JSONValue?
    var method: String
    /// An object, or nil when the message has none.
    var params: JSONValue?

    /// Reads `message`; nil when it is not a JSON-RPC request (no `method`).
    init?(_ message: JSONValue) {
        guard let method = message["method"]?.stringValue else { return nil }
        self.method = method
        self.params = message["params"]
        switch message["id"] {
        case nil, .null?: id = nil
        case let id?: self.id = id
        }
    }

    var isNotification: Bool { id == nil }
}
