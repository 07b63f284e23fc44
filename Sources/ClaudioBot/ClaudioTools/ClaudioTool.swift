import Shared

/// One of Claudio's own tools for Claude (SPEC §14), offered by `ClaudioMCPServer`.
protocol ClaudioTool: Sendable {
    /// The name within the server, e.g. `send_file`; the model sees it as `mcp__claudio__<name>`.
    var name: String { get }
    /// Tells the model what the tool does and when to use it.
    var description: String { get }
    /// The JSON schema of the tool's arguments.
    var inputSchema: JSONValue { get }
    /// Runs the tool. What goes wrong is a result too (`isError`), worded for the model, so it can tell the user or
    /// try otherwise.
    func call(arguments: JSONValue) async -> ClaudioToolResult
}
