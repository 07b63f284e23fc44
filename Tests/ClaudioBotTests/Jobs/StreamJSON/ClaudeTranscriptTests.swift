import Foundation
import Testing
@testable import ClaudioBot

@Suite struct ClaudeTranscriptTests {
    @Test(arguments: [1, 7, 4096])
    func bashCaptureGivesSessionProgressAndAnswerWhateverTheChunking(chunkSize: Int) throws {
        let transcript = try StreamJSONFixture.bashTool.transcript(chunkSize: chunkSize)
        #expect(transcript.sessionID == "978e46a6-c4a9-49d0-8ac2-2120fcc9836a")
        #expect(transcript.sessionStart?.claudeCodeVersion == "2.1.331")
        #expect(transcript.toolUseCount == 1)
        #expect(transcript.result?.isError == false)
        #expect(transcript.answer?.hasPrefix("Tool finished: hi-from-bash\nbin\n") == true)
        #expect(transcript.latestProgress == "💭 Tool finished: hi-from-bash")
        #expect(transcript.nonJSONLineCount == 0)
    }

    @Test func bashToolUseBecomesTheProgressLine() throws {
        var transcript = ClaudeTranscript()
        let lines = try StreamJSONFixture.bashTool.lines()
        transcript.consume(line: lines[0])
        transcript.consume(line: lines[1])
        #expect(transcript.latestProgress == "🔧 Bash: echo hi-from-bash && ls /")
        // A tool result is not activity: the summary of the call stays.
        transcript.consume(line: lines[2])
        #expect(transcript.latestProgress == "🔧 Bash: echo hi-from-bash && ls /")
    }

    @Test("tools_used: each tool once, in the order of its first call, subagents' calls included")
    func toolsInOrderOfFirstUse() {
        var transcript = ClaudeTranscript()
        func call(_ name: String, parent: String = "null") -> ArraySlice<UInt8> {
            let line = #"{"type":"assistant","parent_tool_use_id":\#(parent),"message":{"content":[{"type":"tool_use","id":"t","name":"\#(name)","input":{}}]}}"#
            return ArraySlice(Array(line.utf8))
        }
        for name in ["Read", "Bash", "Read", "Grep", "Bash"] { transcript.consume(line: call(name)) }
        transcript.consume(line: call("WebFetch", parent: #""toolu_1""#))
        transcript.consume(line: call("Read"))
        #expect(transcript.toolsUsed == ["Read", "Bash", "Grep", "WebFetch"])
        #expect(transcript.toolUseCount == 7)
    }

    @Test func everyCaptureKeepsTheSessionOfItsInitLine() throws {
        for fixture in StreamJSONFixture.allCases where fixture != .resumeUnknown {
            let transcript = try fixture.transcript()
            #expect(transcript.sessionStart != nil, "\(fixture)")
            #expect(transcript.sessionID == transcript.sessionStart?.sessionID, "\(fixture)")
            if let result = transcript.result {
                #expect(result.sessionID == transcript.sessionID, "\(fixture)")
            }
        }
    }

    @Test func unknownResumeHasNoStartAndAnErrorResult() throws {
        let transcript = try StreamJSONFixture.resumeUnknown.transcript()
        #expect(transcript.sessionStart == nil)
        #expect(transcript.result?.isError == true)
        #expect(transcript.result?.errors.first?.hasPrefix("No conversation found with session ID") == true)
        #expect(transcript.answer == nil)
        #expect(transcript.latestProgress == nil)
    }

    @Test func apiErrorCaptureEndsInAnErrorResultWithStatus() throws {
        let transcript = try StreamJSONFixture.apiError.transcript()
        #expect(transcript.result?.isError == true)
        #expect(transcript.result?.apiErrorStatus == 500)
        #expect(transcript.answer?.hasPrefix("API Error: 500") == true)
    }

    @Test func killedRunWithoutResultStillShowsItsLastActivity() throws {
        let transcript = try StreamJSONFixture.sigtermMidTool.transcript()
        #expect(transcript.result == nil)
        #expect(transcript.sessionID == "9ab1cc92-d60f-4ad5-a604-5863551793c0")
        #expect(transcript.latestProgress == "🔧 Bash: echo start && sleep 30 && echo end")
        #expect(transcript.answer == nil)
    }

    @Test func assistantTextStandsInForAMissingResult() {
        var transcript = ClaudeTranscript()
        transcript.record(.assistantText("First I look.", isFromSubagent: false))
        transcript.record(.assistantText("subagent chatter", isFromSubagent: true))
        transcript.record(.toolUse(.init(name: "Read", input: ["file_path": "/a"])))
        transcript.record(.assistantText("Then I answer.", isFromSubagent: false))
        #expect(transcript.answer == "First I look.\n\nThen I answer.")
        transcript.record(.result(.init(text: "")))
        #expect(transcript.answer == "First I look.\n\nThen I answer.")
        transcript.record(.result(.init(text: "Final.")))
        #expect(transcript.answer == "Final.")
    }

    @Test func fallbackTextStopsAtItsLimitOnACharacterBoundary() {
        var transcript = ClaudeTranscript(fallbackTextLimit: 7)
        transcript.record(.assistantText("abcd", isFromSubagent: false))
        transcript.record(.assistantText("é👋xyz", isFromSubagent: false))
        #expect(transcript.assistantText == "abcd")
        #expect(transcript.isAssistantTextTruncated)
        transcript.record(.assistantText("z", isFromSubagent: false))
        #expect(transcript.assistantText == "abcd")
        var other = ClaudeTranscript(fallbackTextLimit: 9)
        other.record(.assistantText("ab", isFromSubagent: false))
        other.record(.assistantText("é👋xyz", isFromSubagent: false))
        #expect(other.assistantText == "ab\n\né")
    }

    @Test func garbageAndUnknownLinesAreCountedOrIgnoredNotFatal() throws {
        var transcript = ClaudeTranscript()
        var splitter = StreamJSONLineSplitter()
        let input = "npm WARN deprecated\n" + #"{"type":"brand_new","x":1}"# + "\n\u{1B}[31mred\u{1B}[0m\n"
            + String(decoding: try StreamJSONFixture.echo.bytes(), as: UTF8.self) + "{broken\n"
        for line in splitter.append(Array(input.utf8)) { transcript.consume(line: line) }
        #expect(transcript.nonJSONLineCount == 3)
        #expect(transcript.answer == "Echo: hello from the chat")
        #expect(transcript.result?.isError == false)
    }

    @Test func apiRetriesShowAsProgress() {
        var transcript = ClaudeTranscript()
        transcript.consume(line: ArraySlice(#"{"type":"system","subtype":"api_retry","attempt":3,"max_retries":10,"error_status":500}"#.utf8))
        #expect(transcript.latestProgress == "🔁 API retry 3/10 (HTTP 500)")
        #expect(transcript.latestAPIRetry?.attempt == 3)
    }

    @Test func tenMegabytesOfMixedOutputStreamThrough() throws {
        let toolOutput = String(repeating: "line of tool output with \\\"quotes\\\" and ünïcödé 👋\\n", count: 2_000)
        let block = [
            #"{"type":"system","subtype":"init","session_id":"s-big","tools":["Bash"],"model":"m"}"#,
            #"{"type":"assistant","message":{"content":[{"type":"text","text":"Working on it."},"#
                + #"{"type":"tool_use","id":"t","name":"Bash","input":{"command":"make test"}}]}}"#,
            #"{"type":"user","message":{"content":[{"type":"tool_result","tool_use_id":"t","content":""#
                + toolOutput + #"","is_error":false}]}}"#,
            "plain text a tool printed",
            #"{"type":"system","subtype":"task_notification","status":"done"}"#,
        ].joined(separator: "\n") + "\n"
        let blockBytes = Array(block.utf8)
        let repetitions = 10 * 1024 * 1024 / blockBytes.count + 1
        let result = Array((#"{"type":"result","subtype":"success","result":"all done","is_error":false,"#
            + #""session_id":"s-big","num_turns":99}"# + "\r\n").utf8)

        var splitter = StreamJSONLineSplitter()
        var transcript = ClaudeTranscript()
        var byteCount = 0
        let started = ContinuousClock.now
        // Pipe reads rarely line up with lines; 65 521 (a prime) makes every boundary fall differently.
        var pending: [UInt8] = []
        func feed(_ bytes: [UInt8]) {
            pending += bytes
            while pending.count >= 65_521 {
                for line in splitter.append(Array(pending.prefix(65_521))) { transcript.consume(line: line) }
                pending.removeFirst(65_521)
            }
        }
        for _ in 0..<repetitions {
            feed(blockBytes)
            byteCount += blockBytes.count
        }
        feed(result)
        for line in splitter.append(pending) { transcript.consume(line: line) }
        if let last = splitter.finish() { transcript.consume(line: last) }
        let elapsed = ContinuousClock.now - started

        #expect(byteCount >= 10 * 1024 * 1024)
        #expect(transcript.sessionID == "s-big")
        #expect(transcript.toolUseCount == repetitions)
        #expect(transcript.nonJSONLineCount == repetitions)
        #expect(transcript.result?.numTurns == 99)
        #expect(transcript.answer == "all done")
        #expect(splitter.droppedLineCount == 0)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print("stream-json: \(byteCount / 1_048_576) MiB in \(elapsed), \(Int(Double(byteCount) / 1_048_576 / seconds)) MiB/s")
    }
}
