/// One thing `claude -p --output-format stream-json --verbose` reported that Claudio acts on.
///
/// A stream-json line is one JSON object; an `assistant` or `user` line can carry several content
/// blocks and so yields several events. Types and fields Claudio does not use are ignored, so newer CLI
/// versions that add events keep working. Decode lines with `events(decodingLine:)`.
package enum ClaudeStreamEvent: Sendable, Equatable {
    /// `system`/`init`: the run has started; carries the session ID to resume later.
    case sessionStarted(SessionStart)
    /// A `text` block of an `assistant` message. Subagents (the Task tool) speak with a
    /// `parent_tool_use_id`; their text is not the answer to the user.
    case assistantText(String, isFromSubagent: Bool)
    /// A `tool_use` block of an `assistant` message: claude is about to run a tool.
    case toolUse(ToolUse)
    /// A `tool_result` block of a `user` message: what a tool returned.
    case toolResult(ToolResult)
    /// `system`/`api_retry`: the API failed and the CLI waits to try again.
    case apiRetry(APIRetry)
    /// `result`: the run's last line, with the answer or the error.
    case result(RunResult)
    /// `control_request`: the CLI asks Claudio something (a tool's permission, an MCP message) and waits for the
    /// answer on its stdin (see `ClaudeInput`).
    case controlRequest(ClaudeControlRequest)
    /// `control_response`: the CLI's answer to Claudio's own request (`initialize`).
    case controlResponse(requestID: String, succeeded: Bool)
    /// Any other line that is a JSON object, e.g. `system`/`task_started`. `type` is empty when the
    /// object had none.
    case other(type: String, subtype: String?)
}
