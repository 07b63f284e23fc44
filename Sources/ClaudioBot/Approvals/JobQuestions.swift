/// Answers a job's control requests: Claudio's own tools are allowed without asking anyone (SPEC §5) and their MCP
/// messages go to the job's `ClaudioMCPServer`; other tools' permissions go to the `ApprovalDesk` (the chat, the
/// operator), or are denied when there is none; anything else is refused so claude never waits for an answer that
/// cannot come.
struct JobQuestions: ClaudeControlHandler {
    let job: Job
    let desk: ApprovalDesk?
    let tools: ClaudioMCPServer

    func answer(_ request: ClaudeControlRequest) async -> ClaudeInput.ControlResult {
        switch request.kind {
        case .canUseTool(let toolRequest) where tools.offers(toolRequest.toolName):
            // Claudio's tools check their arguments themselves (send_file stays inside the workspace).
            .success(PermissionDecision.allow(updatedInput: toolRequest.input).json)
        case .canUseTool(let toolRequest):
            if let desk {
                .success(await desk.ask(toolRequest, for: job).json)
            } else {
                await RefusingControlHandler().answer(request)
            }
        case .mcpMessage(let server, let message) where server == ClaudioMCPServer.name:
            .success(.object(["mcp_response": await tools.respond(to: message)]))
        case .mcpMessage, .other:
            await RefusingControlHandler().answer(request)
        }
    }
}
