import Shared
import Foundation
import Testing

@testable import ClaudioBot

@Suite("The control protocol on the real CLI's transcripts: what it asks, and Claudio's lines it understood")
struct ControlProtocolTests {
    @Test("can_use_tool is read with the tool, its input, its id and the blocked path; initialize is answered")
    func canUseTool() throws {
        let events = try ControlProtocolFixture.allow.output()
        #expect(events.contains(.controlResponse(requestID: "init-1", succeeded: true)))
        let requests = try ControlProtocolFixture.allow.controlRequests()
        let request = try #require(requests.first)
        guard case .canUseTool(let tool) = request.kind else {
            Issue.record("not a can_use_tool request: \(request)")
            return
        }
        #expect(tool.toolName == "Bash")
        #expect(tool.input["command"]?.stringValue == "touch /srv/workspace/allowed_file")
        #expect(tool.blockedPath == "/srv/workspace/allowed_file")
        #expect(tool.toolUseID?.isEmpty == false)
        #expect(events.contains { if case .result = $0 { true } else { false } })
    }

    @Test("Claudio's lines are the ones the real CLI was given: the prompt, initialize, allow and deny")
    func inputMatchesTheTranscripts() throws {
        let allowInput = try ControlProtocolFixture.allow.input()
        let allowRequest = try #require(try ControlProtocolFixture.allow.controlRequests().first)
        guard case .canUseTool(let tool) = allowRequest.kind else { return }
        #expect(try Self.decoded(.initialize(requestID: "init-1", sdkMcpServers: [])) == Self.withoutServers(allowInput[0]))
        #expect(try Self.decoded(.userMessage("RUNBASH: touch /srv/workspace/allowed_file")) == allowInput[1])
        #expect(try Self.decoded(.permission(.allow(updatedInput: tool.input), for: allowRequest.requestID)) == allowInput[2])

        let denyInput = try ControlProtocolFixture.deny.input()
        let denyRequest = try #require(try ControlProtocolFixture.deny.controlRequests().first)
        let written = try #require(denyInput.last)
        let message = try #require(written["response"]?["response"]?["message"]?.stringValue)
        #expect(try Self.decoded(.permission(.deny(message: message), for: denyRequest.requestID)) == written)
    }

    @Test("an in-process MCP server's messages are read, and its answers written as the CLI took them")
    func sdkMCPMessages() throws {
        let requests = try ControlProtocolFixture.sdkMCP.controlRequests()
        let methods = requests.compactMap { request -> String? in
            if case .mcpMessage(let server, let message) = request.kind, server == "claudio" {
                return message["method"]?.stringValue
            }
            if case .canUseTool(let tool) = request.kind { return "can_use_tool " + tool.toolName }
            return nil
        }
        #expect(methods == [
            "initialize", "notifications/initialized", "tools/list", "can_use_tool mcp__claudio__send_file", "tools/call",
        ])
        let input = try ControlProtocolFixture.sdkMCP.input()
        #expect(try Self.decoded(.initialize(requestID: "init-1", sdkMcpServers: ["claudio"])) == input[0])
        // The answer to tools/call, rebuilt from its parts.
        let call = try #require(requests.last)
        let written = try #require(input.last)
        let answer = try #require(written["response"]?["response"]?["mcp_response"])
        #expect(try Self.decoded(.mcpResponse(answer, for: call.requestID)) == written)
    }

    @Test("an unknown request is kept as such; a non-JSON line is no control request")
    func unknownRequest() throws {
        let line = #"{"type":"control_request","request_id":"r9","request":{"subtype":"interrupt_all"}}"#
        #expect(ClaudeStreamEvent.events(decodingLine: line) == [
            .controlRequest(ClaudeControlRequest(requestID: "r9", kind: .other(subtype: "interrupt_all"))),
        ])
        #expect(ClaudeStreamEvent.events(decodingLine: "not json") == nil)
    }

    @Test("each input line is one line of compact JSON ending in a newline, with integers kept as integers")
    func lineShape() throws {
        let line = ClaudeInput.mcpResponse(.object(["jsonrpc": .string("2.0"), "id": .integer(7)]), for: "r1").line
        #expect(line.last == 0x0A)
        #expect(!line.dropLast().contains(0x0A))
        let text = String(decoding: line, as: UTF8.self)
        #expect(text.contains(#""id":7"#))
    }

    private static func decoded(_ input: ClaudeInput) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: input.line)
    }

    /// The transcript's first `initialize` named no servers; Claudio always sends the list, empty or not.
    private static func withoutServers(_ value: JSONValue) -> JSONValue {
        guard case .object(var line) = value, case .object(var request)? = line["request"] else { return value }
        request["sdkMcpServers"] = request["sdkMcpServers"] ?? .array([])
        line["request"] = .object(request)
        return .object(line)
    }
}
