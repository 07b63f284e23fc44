/// Answers a job's control requests: tool permissions go to the `ApprovalDesk` (the chat, the operator); anything
/// else is refused so claude never waits for an answer that cannot come.
struct JobQuestions: ClaudeControlHandler {
    let job: Job
    let desk: ApprovalDesk

    func answer(_ request: ClaudeControlRequest) async -> ClaudeInput.ControlResult {
        switch request.kind {
        case .canUseTool(let toolRequest):
            .success(await desk.ask(toolRequest, for: job).json)
        case .mcpMessage, .other:
            await RefusingControlHandler().answer(request)
        }
    }
}
