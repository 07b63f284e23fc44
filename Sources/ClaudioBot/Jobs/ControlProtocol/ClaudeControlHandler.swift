/// Answers what claude asks while a job runs (the control requests of `ClaudeControlRequest`): whether a tool may
/// run, and the messages of Claudio's in-process MCP server. Called concurrently, one call per request; a call is
/// cancelled when the job ends before it is answered.
protocol ClaudeControlHandler: Sendable {
    func answer(_ request: ClaudeControlRequest) async -> ClaudeInput.ControlResult
}

/// For runs nobody can be asked about (the CLI probe, tests): every question gets an error answer, so claude never
/// waits for one.
struct RefusingControlHandler: ClaudeControlHandler {
    func answer(_ request: ClaudeControlRequest) async -> ClaudeInput.ControlResult {
        switch request.kind {
        case .canUseTool: .success(PermissionDecision.deny(message: "No one can approve tools for this run").json)
        case .mcpMessage(let server, _): .error("Claudio has no MCP server named \(server)")
        case .other(let subtype): .error("Claudio does not support control requests of type \(subtype)")
        }
    }
}
