import Shared
/// A question the CLI asks Claudio on its stdout (`"type":"control_request"`) and waits for an answer to on its
/// stdin: whether a tool may run, or a message for Claudio's in-process MCP server.
package struct ClaudeControlRequest: Decodable, Sendable, Equatable {
    /// What is asked.
    package enum Kind: Sendable, Equatable {
        /// `can_use_tool`: the CLI wants to run a tool that needs permission.
        case canUseTool(ToolPermissionRequest)
        /// `mcp_message`: a JSON-RPC message for the in-process server `serverName`.
        case mcpMessage(serverName: String, message: JSONValue)
        /// A request Claudio does not know; answered with an error so the CLI does not wait forever.
        case other(subtype: String)
    }

    /// Echoed in the answer.
    package var requestID: String
    package var kind: Kind

    private enum CodingKeys: String, CodingKey {
        case requestID = "request_id"
        case request
    }

    private enum RequestKeys: String, CodingKey {
        case subtype
        case toolName = "tool_name"
        case input
        case toolUseID = "tool_use_id"
        case blockedPath = "blocked_path"
        case serverName = "server_name"
        case message
    }

    package init(requestID: String, kind: Kind) {
        self.requestID = requestID
        self.kind = kind
    }

    package init(from decoder: any Decoder) throws {
        let line = try decoder.container(keyedBy: CodingKeys.self)
        requestID = try line.decode(String.self, forKey: .requestID)
        let request = try line.nestedContainer(keyedBy: RequestKeys.self, forKey: .request)
        let subtype = try request.decode(String.self, forKey: .subtype)
        switch subtype {
        case "can_use_tool":
            kind = .canUseTool(
                ToolPermissionRequest(
                    toolName: try request.decode(String.self, forKey: .toolName),
                    input: try request.decodeIfPresent(JSONValue.self, forKey: .input) ?? .object([:]),
                    toolUseID: try request.decodeIfPresent(String.self, forKey: .toolUseID),
                    blockedPath: try request.decodeIfPresent(String.self, forKey: .blockedPath)))
        case "mcp_message":
            kind = .mcpMessage(
                serverName: try request.decode(String.self, forKey: .serverName),
                message: try request.decode(JSONValue.self, forKey: .message))
        default:
            kind = .other(subtype: subtype)
        }
    }
}
