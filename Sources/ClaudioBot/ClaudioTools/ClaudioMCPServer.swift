import Shared

/// Claudio's in-process MCP server `claudio` (SPEC §14): the CLI talks JSON-RPC to it inside `mcp_message` control
/// requests on the job's own stdin and stdout, so no process or socket is added and it works the same in the sandbox.
///
/// It answers `initialize`, acknowledges notifications, lists its tools and calls them. A method it does not know is
/// a JSON-RPC error; a tool that fails answers with an error result, which the model reads.
struct ClaudioMCPServer: Sendable {
    /// The server's name in `--mcp-config` and in `initialize`'s `sdkMcpServers`.
    static let name = "claudio"
    /// Answered when the client names no protocol version of its own.
    static let defaultProtocolVersion = "2025-06-18"

    /// `--mcp-config`'s inline JSON: the server lives in Claudio (`"type":"sdk"`) and is reached over the job's stdio.
    static let mcpConfig = #"{"mcpServers":{"claudio":{"type":"sdk","name":"claudio"}}}"#
    /// Every tool's qualified name: added to `--allowedTools` when `ALLOWED_TOOLS` restricts claude's tools.
    static let qualifiedToolNames = [qualifiedName(of: SendFileTool.toolName)]

    let tools: [any ClaudioTool]

    /// The server a job's claude talks to: its tools act on the workspace and the job's chat.
    static func serving(_ job: Job, settings: Settings) -> ClaudioMCPServer {
        let files = WorkspaceFileReader(settings: settings)
        return ClaudioMCPServer(tools: [
            SendFileTool(files: files, replier: job.replier, address: job.address, activity: job.control.activity),
        ])
    }

    /// The name the model and `can_use_tool` use for a tool of this server.
    static func qualifiedName(of toolName: String) -> String {
        "mcp__\(name)__\(toolName)"
    }

    /// Whether `qualifiedToolName` (as in `can_use_tool`) is one of this server's tools.
    func offers(_ qualifiedToolName: String) -> Bool {
        tools.contains { Self.qualifiedName(of: $0.name) == qualifiedToolName }
    }

    /// The JSON-RPC answer to `message`.
    func respond(to message: JSONValue) async -> JSONValue {
        guard let request = JSONRPCRequest(message) else {
            return JSONRPCReply.error(code: .invalidRequest, message: "not a JSON-RPC request: it has no method")
                .message(id: message["id"])
        }
        return await reply(to: request).message(id: request.id)
    }

    private func reply(to request: JSONRPCRequest) async -> JSONRPCReply {
        switch request.method {
        case "initialize":
            let version = request.params?["protocolVersion"]?.stringValue ?? Self.defaultProtocolVersion
            return .result([
                "protocolVersion": .string(version),
                "capabilities": ["tools": [:]],
                "serverInfo": ["name": .string(Self.name), "version": .string(ClaudioVersion.current)],
            ])
        case "ping":
            return .result([:])
        case "tools/list":
            return .result(["tools": .array(tools.map(Self.listing))])
        case "tools/call":
            return await call(request.params)
        case _ where request.isNotification:
            // A notification (`notifications/initialized`, …) needs nothing done; the control protocol still wants
            // an answer to its request.
            return .result([:])
        default:
            return .error(code: .methodNotFound, message: "Claudio's MCP server has no method \(request.method)")
        }
    }

    private func call(_ params: JSONValue?) async -> JSONRPCReply {
        guard let name = params?["name"]?.stringValue else {
            return .error(code: .invalidParams, message: "tools/call needs the tool's name in params.name")
        }
        guard let tool = tools.first(where: { $0.name == name }) else {
            let known = tools.map(\.name).joined(separator: ", ")
            return .error(code: .invalidParams, message: "Claudio has no tool named \(name) (it has: \(known))")
        }
        return .result(await tool.call(arguments: params?["arguments"] ?? [:]).json)
    }

    private static func listing(_ tool: any ClaudioTool) -> JSONValue {
        ["name": .string(tool.name), "description": .string(tool.description), "inputSchema": tool.inputSchema]
    }
}
