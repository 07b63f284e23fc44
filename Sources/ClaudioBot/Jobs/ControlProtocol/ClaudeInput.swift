import Shared
import Foundation

/// A line Claudio writes to the CLI's stdin with `--input-format stream-json`: the prompt as a user message (so it
/// never touches argv), the `initialize` request, and answers to the CLI's control requests.
package enum ClaudeInput: Sendable, Equatable {
    /// The prompt.
    case userMessage(String)
    /// The first control request: names Claudio's in-process MCP servers.
    case initialize(requestID: String, sdkMcpServers: [String])
    /// An answer to the CLI's request `requestID`.
    case controlResponse(requestID: String, ControlResult)

    /// The body of an answer.
    package enum ControlResult: Sendable, Equatable {
        case success(JSONValue)
        case error(String)
    }

    /// An answer to a `can_use_tool` request.
    static func permission(_ decision: PermissionDecision, for requestID: String) -> ClaudeInput {
        .controlResponse(requestID: requestID, .success(decision.json))
    }

    /// An answer to an `mcp_message` request: the server's JSON-RPC answer.
    static func mcpResponse(_ message: JSONValue, for requestID: String) -> ClaudeInput {
        .controlResponse(requestID: requestID, .success(.object(["mcp_response": message])))
    }

    /// The line's JSON, as the CLI reads it.
    var json: JSONValue {
        switch self {
        case .userMessage(let text):
            .object([
                "type": .string("user"),
                "message": .object(["role": .string("user"), "content": .string(text)]),
                "parent_tool_use_id": .null, "session_id": .string("default"),
            ])
        case .initialize(let requestID, let servers):
            .object([
                "type": .string("control_request"), "request_id": .string(requestID),
                "request": .object([
                    "subtype": .string("initialize"), "hooks": .null,
                    "sdkMcpServers": .array(servers.map(JSONValue.string)),
                ]),
            ])
        case .controlResponse(let requestID, .success(let response)):
            .object([
                "type": .string("control_response"),
                "response": .object([
                    "subtype": .string("success"), "request_id": .string(requestID), "response": response,
                ]),
            ])
        case .controlResponse(let requestID, .error(let message)):
            .object([
                "type": .string("control_response"),
                "response": .object([
                    "subtype": .string("error"), "request_id": .string(requestID), "error": .string(message),
                ]),
            ])
        }
    }

    /// One line of stdin: compact JSON and a newline.
    var line: Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding a JSONValue cannot fail: every case is plain JSON.
        var data = (try? encoder.encode(json)) ?? Data()
        data.append(0x0A)
        return data
    }
}
