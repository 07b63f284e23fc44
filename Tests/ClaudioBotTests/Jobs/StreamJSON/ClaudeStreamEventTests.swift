import Testing
@testable import ClaudioBot

@Suite struct ClaudeStreamEventTests {
    private func events(_ line: String) -> [ClaudeStreamEvent]? {
        ClaudeStreamEvent.events(decodingLine: line)
    }

    // MARK: - Real CLI output

    @Test func echoCaptureStartsASessionAnswersAndEndsWithTheSameSession() throws {
        let events = try StreamJSONFixture.echo.events()
        #expect(events.count == 3)
        guard case .sessionStarted(let start) = events.first, case .result(let result) = events.last else {
            Issue.record("expected init first and result last, got \(events)")
            return
        }
        #expect(start.sessionID == "7f52c578-de0f-4535-89aa-72414c37173e")
        #expect(start.model == "claude-opus-5-5")
        #expect(start.cwd == "/home/user/workspace")
        #expect(start.tools.contains("Bash"))
        #expect(start.claudeCodeVersion == "2.1.331")
        #expect(events[1] == .assistantText("Echo: hello from the chat", isFromSubagent: false))
        #expect(result.sessionID == start.sessionID)
        #expect(result.subtype == "success")
        #expect(result.text == "Echo: hello from the chat")
        #expect(!result.isError)
        #expect(result.totalCostUSD == 0.00022)
        #expect(result.numTurns == 1)
        #expect(result.terminalReason == "completed")
        #expect(result.errors.isEmpty)
    }

    @Test func bashCaptureYieldsToolUseThenToolResultThenText() throws {
        let events = try StreamJSONFixture.bashTool.events()
        #expect(events.count == 5)
        #expect(events[1] == .toolUse(.init(
            id: "toolu_4d604b448cc94f0e9303b5e2", name: "Bash",
            input: ["command": "echo hi-from-bash && ls /", "description": "run"]
        )))
        guard case .toolResult(let toolResult) = events[2] else {
            Issue.record("expected a tool result, got \(events[2])")
            return
        }
        #expect(toolResult.toolUseID == "toolu_4d604b448cc94f0e9303b5e2")
        #expect(!toolResult.isError)
        #expect(toolResult.excerpt.hasPrefix("hi-from-bash\nbin\nboot"))
        guard case .assistantText(let text, false) = events[3] else {
            Issue.record("expected assistant text, got \(events[3])")
            return
        }
        #expect(text.hasPrefix("Tool finished: hi-from-bash"))
        guard case .sessionStarted(let start) = events[0], case .result(let result) = events[4] else {
            Issue.record("expected init and result around the tool call")
            return
        }
        #expect(result.sessionID == start.sessionID)
        #expect(result.numTurns == 2)
    }

    @Test func resumedCaptureKeepsTheSessionOfTheEchoCapture() throws {
        let events = try StreamJSONFixture.resume.events()
        guard case .sessionStarted(let start) = events.first, case .result(let result) = events.last else {
            Issue.record("expected init first and result last")
            return
        }
        #expect(start.sessionID == "7f52c578-de0f-4535-89aa-72414c37173e")
        #expect(result.sessionID == start.sessionID)
        #expect(result.text == "Echo: second message")
    }

    @Test func unknownResumeIDYieldsOnlyAnErrorResult() throws {
        let events = try StreamJSONFixture.resumeUnknown.events()
        guard events.count == 1, case .result(let result) = events[0] else {
            Issue.record("expected one result event, got \(events)")
            return
        }
        #expect(result.isError)
        #expect(result.subtype == "error_during_execution")
        #expect(result.text == nil)
        #expect(result.errors == ["No conversation found with session ID: 00000000-0000-4000-8000-000000000000"])
        #expect(result.numTurns == 0)
    }

    @Test func apiErrorResultIsAnErrorDespiteItsSuccessSubtype() throws {
        let events = try StreamJSONFixture.apiError.events()
        guard case .result(let result) = events.last else {
            Issue.record("expected a result last, got \(events)")
            return
        }
        #expect(result.subtype == "success")
        #expect(result.isError)
        #expect(result.apiErrorStatus == 500)
        #expect(result.terminalReason == "api_error")
        #expect(result.text?.hasPrefix("API Error: 500") == true)
    }

    @Test func sigtermCaptureHasTaskEventsAFailedToolAndNoResult() throws {
        let events = try StreamJSONFixture.sigtermMidTool.events()
        #expect(!events.contains { if case .result = $0 { true } else { false } })
        #expect(events.contains(.other(type: "system", subtype: "task_started")))
        #expect(events.contains(.other(type: "system", subtype: "task_notification")))
        #expect(events.contains(.toolResult(.init(
            toolUseID: "toolu_3c78f9e0ddd14910a195f010", isError: true, excerpt: "Exit code 137\nstart"
        ))))
    }

    // MARK: - Leniency

    @Test func nonJSONLinesAreNotEvents() {
        #expect(events("Warning: something happened") == nil)
        #expect(events("") == nil)
        #expect(events("   ") == nil)
        #expect(events("[1, 2, 3]") == nil)
        #expect(events("\"text\"") == nil)
        #expect(events("{\"type\": \"assistant\", \"message\": ") == nil)
        #expect(events("{not json}") == nil)
        #expect(events("\u{1B}[31m{\"type\":\"result\"}") == nil)
    }

    @Test func unknownTypesAndSubtypesAreOtherEvents() {
        #expect(events(#"{"type":"stream_event","event":{"delta":"x"}}"#) == [.other(type: "stream_event", subtype: nil)])
        #expect(events(#"{"type":"system","subtype":"permission_denied","tool":"Bash"}"#)
            == [.other(type: "system", subtype: "permission_denied")])
        #expect(events(#"{"session_id":"abc"}"#) == [.other(type: "", subtype: nil)])
        #expect(events(#"  {"type":"rate_limit_event"}  "#) == [.other(type: "rate_limit_event", subtype: nil)])
    }

    @Test func fieldsOfUnexpectedTypesAreIgnoredNotFatal() {
        let line = #"{"type":"result","subtype":7,"result":"done","is_error":"no","session_id":null,"#
            + #""total_cost_usd":"free","num_turns":2,"errors":"none","api_error_status":null,"new_field":{"a":[1]}}"#
        #expect(events(line) == [.result(.init(subtype: nil, text: "done", isError: false, numTurns: 2))])
        #expect(events(#"{"type":"system","subtype":"init","session_id":"s1","tools":"all"}"#)
            == [.sessionStarted(.init(sessionID: "s1"))])
    }

    @Test func resultWithoutIsErrorIsAnErrorWhenItsSubtypeSaysSo() {
        #expect(events(#"{"type":"result","subtype":"error_max_turns"}"#)
            == [.result(.init(subtype: "error_max_turns", text: nil, isError: true))])
    }

    @Test func assistantMessageWithSeveralBlocksYieldsAnEventPerBlockInOrder() {
        let line = #"{"type":"assistant","message":{"content":["#
            + #"{"type":"thinking","thinking":"hmm"},"#
            + #"{"type":"text","text":"Let me look."},"#
            + #"42,"#
            + #"{"type":"tool_use","id":"t1","name":"Read","input":{"file_path":"/etc/hosts","limit":20,"offset":1.5,"#
            + #""deep":true,"nested":{"x":1},"list":[1]}},"#
            + #"{"type":"tool_use","id":"t2","name":"Grep","input":{"pattern":"TODO"}}"#
            + #"]},"parent_tool_use_id":null,"session_id":"s"}"#
        #expect(events(line) == [
            .assistantText("Let me look.", isFromSubagent: false),
            .toolUse(.init(id: "t1", name: "Read", input: [
                "file_path": "/etc/hosts", "limit": "20", "offset": "1.5", "deep": "true",
            ])),
            .toolUse(.init(id: "t2", name: "Grep", input: ["pattern": "TODO"])),
        ])
    }

    @Test func subagentTextIsMarkedAsSuch() {
        let line = #"{"type":"assistant","message":{"content":[{"type":"text","text":"sub"}]},"parent_tool_use_id":"toolu_1"}"#
        #expect(events(line) == [.assistantText("sub", isFromSubagent: true)])
    }

    @Test func userMessagesYieldToolResultsButNotPromptText() {
        let line = #"{"type":"user","message":{"content":[{"type":"text","text":"the prompt"},"#
            + #"{"type":"tool_result","tool_use_id":"t","content":[{"type":"text","text":"a"},{"type":"image"},"#
            + #"{"type":"text","text":"b"}]}]}}"#
        #expect(events(line) == [.toolResult(.init(toolUseID: "t", isError: false, excerpt: "a\nb"))])
        #expect(events(#"{"type":"user","message":{"content":"plain prompt"}}"#) == [.other(type: "user", subtype: nil)])
    }

    @Test func toolResultTextIsCutToAnExcerpt() throws {
        let long = String(repeating: "x", count: 50_000)
        let result = try #require(events(#"{"type":"user","message":{"content":[{"type":"tool_result","content":"\#(long)"}]}}"#))
        guard case .toolResult(let toolResult) = result.first else {
            Issue.record("expected a tool result, got \(result)")
            return
        }
        #expect(toolResult.excerpt.count == ClaudeStreamEvent.ToolResult.excerptLimit)
    }

    @Test func apiRetryCarriesAttemptStatusAndDelay() {
        let line = #"{"type":"system","subtype":"api_retry","attempt":3,"max_retries":10,"retry_delay_ms":2345.6,"#
            + #""error_status":500,"error":"server_error","session_id":"s"}"#
        #expect(events(line) == [.apiRetry(.init(
            attempt: 3, maxRetries: 10, errorStatus: 500, error: "server_error", retryDelayMilliseconds: 2345.6
        ))])
        #expect(events(#"{"type":"system","subtype":"api_retry","attempt":1,"max_retries":10,"error_status":null}"#)
            == [.apiRetry(.init(attempt: 1, maxRetries: 10))])
    }
}
