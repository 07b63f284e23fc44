import Foundation
import Shared
import Testing

@testable import ClaudioBot

@Suite("Claudio's MCP server over the control protocol, replayed against the real CLI's transcript (SPEC §14)")
struct ClaudioMCPServerTests {
    /// A job in Telegram chat 100 whose workspace holds `report.txt`, answered by `JobQuestions` without a desk.
    struct Fixture {
        let workspace: ScratchDirectory
        let replier = FileCatchingReplier()
        let job: Job
        let questions: JobQuestions

        init() throws {
            workspace = try ScratchDirectory()
            try Data("quarterly numbers\n".utf8).write(to: URL(fileURLWithPath: workspace.path + "/report.txt"))
            job = Job(
                id: "job-mcp", user: ChatUser(platform: .telegram, id: "42", username: "alice"),
                address: ChatAddress(platform: .telegram, chatID: "100"), prompt: "send the report", queuedAt: Date(),
                replier: replier)
            var settings = FakeClaude.settings()
            settings.workspacePath = workspace.path
            questions = JobQuestions(job: job, desk: nil, tools: .serving(job, settings: settings))
        }

        /// The line Claudio writes in answer to `request`, as JSON.
        func answerLine(_ request: ClaudeControlRequest) async throws -> JSONValue {
            let result = await questions.answer(request)
            let line = ClaudeInput.controlResponse(requestID: request.requestID, result).line
            return try JSONDecoder().decode(JSONValue.self, from: line)
        }

        /// The JSON-RPC answer to `message`.
        func mcp(_ message: JSONValue) async throws -> JSONValue {
            let request = ClaudeControlRequest(
                requestID: "r1", kind: .mcpMessage(serverName: "claudio", message: message))
            return try #require(try await answerLine(request)["response"]?["response"]?["mcp_response"])
        }
    }

    @Test("every request of the transcript gets the answer the real CLI took, and the file reaches the chat")
    func transcript() async throws {
        let fixture = try Fixture()
        defer { fixture.workspace.remove() }
        let requests = try ControlProtocolFixture.sdkMCP.controlRequests()
        // Claudio's lines after the prompt, in the order of the CLI's requests.
        let written = Array(try ControlProtocolFixture.sdkMCP.input().dropFirst(2))
        #expect(requests.count == written.count)
        var answers: [JSONValue] = []
        for request in requests { answers.append(try await fixture.answerLine(request)) }

        // initialize: the client's protocol version echoed, tools offered, Claudio named (with its own version).
        let initialize = try #require(answers.first?["response"]?["response"]?["mcp_response"])
        #expect(initialize["result"]?["serverInfo"]?["version"] == .string(ClaudioVersion.current))
        #expect(Self.withVersion(answers[0], "0.1") == written[0])
        // notifications/initialized, acknowledged the same way.
        #expect(answers[1] == written[1])
        // tools/list: send_file with a path and an optional caption.
        let tools = try #require(answers[2]["response"]?["response"]?["mcp_response"]?["result"]?["tools"])
        guard case .array(let listed) = tools, let sendFile = listed.first, listed.count == 1 else {
            Issue.record("tools/list answered \(tools.jsonText)")
            return
        }
        #expect(sendFile["name"] == "send_file")
        #expect(sendFile["description"]?.stringValue?.contains("report") == true)
        let schema = try #require(sendFile["inputSchema"])
        #expect(schema["type"] == "object" && schema["required"] == ["path"])
        #expect(schema["properties"]?["path"]?["type"] == "string")
        #expect(schema["properties"]?["caption"]?["type"] == "string")
        // can_use_tool for Claudio's own tool: allowed with its input, without asking anyone.
        #expect(answers[3] == written[3])
        // tools/call: the file went to the job's chat with its caption, and the model is told so.
        let call = try #require(answers[4]["response"]?["response"]?["mcp_response"])
        #expect(call["id"] == 2 && call["jsonrpc"] == "2.0")
        #expect(call["result"]?["content"] == [["type": "text", "text": "sent report.txt (18 bytes) to the chat"]])
        #expect(call["result"]?["isError"] == nil)
        let sent = await fixture.replier.files
        #expect(sent.map(\.file) == [
            OutgoingFile(name: "report.txt", data: Data("quarterly numbers\n".utf8), caption: "here", kind: .document),
        ])
        #expect(sent.first?.address == fixture.job.address)
        #expect(fixture.job.control.activity.recent.map(\.summary) == ["sent report.txt (18 bytes)"])
        #expect(fixture.job.control.activity.recent.map(\.kind) == [.file])
    }

    @Test("a method the server does not have is a JSON-RPC error naming it; so is a tool it does not have")
    func unknownMethodsAndTools() async throws {
        let fixture = try Fixture()
        defer { fixture.workspace.remove() }
        let unknown = try await fixture.mcp(["jsonrpc": "2.0", "id": 7, "method": "resources/list"])
        #expect(unknown["id"] == 7 && unknown["result"] == nil)
        #expect(unknown["error"]?["code"] == -32601)
        #expect(unknown["error"]?["message"]?.stringValue?.contains("resources/list") == true)

        let tool = try await fixture.mcp([
            "jsonrpc": "2.0", "id": "call-1", "method": "tools/call", "params": ["name": "delete_everything"],
        ])
        #expect(tool["id"] == "call-1" && tool["error"]?["code"] == -32602)
        #expect(tool["error"]?["message"]?.stringValue == "Claudio has no tool named delete_everything (it has: send_file)")

        let noMethod = try await fixture.mcp(["jsonrpc": "2.0", "id": 8])
        #expect(noMethod["error"]?["code"] == -32600)
        #expect(try await fixture.mcp(["jsonrpc": "2.0", "id": 9, "method": "ping"])["result"] == [:])
    }

    @Test("a tool call that cannot be done is an error result the model reads, not a failed request")
    func toolErrors() async throws {
        let fixture = try Fixture()
        defer { fixture.workspace.remove() }
        func call(_ arguments: JSONValue) async throws -> JSONValue? {
            try await fixture.mcp([
                "jsonrpc": "2.0", "id": 3, "method": "tools/call",
                "params": ["name": "send_file", "arguments": arguments],
            ])["result"]
        }
        let outside = try await call(["path": "../../etc/passwd"])
        #expect(outside?["isError"] == true)
        #expect(outside?["content"] == [["type": "text", "text": "could not send ../../etc/passwd: outside the workspace"]])
        #expect(try await call([:])?["isError"] == true)
        #expect(try await call(["path": "report.txt", "caption": 5])?["content"]
            == [["type": "text", "text": "\"caption\" must be text"]])
        #expect(await fixture.replier.files.isEmpty)
        #expect(fixture.job.control.activity.recent.map(\.summary) == ["not sent: ../../etc/passwd (outside the workspace)"])
    }

    @Test("another server's messages and other tools' permissions are refused when nobody can be asked")
    func otherRequests() async throws {
        let fixture = try Fixture()
        defer { fixture.workspace.remove() }
        let other = await fixture.questions.answer(
            ClaudeControlRequest(requestID: "r2", kind: .mcpMessage(serverName: "github", message: ["id": 1])))
        #expect(other == .error("Claudio has no MCP server named github"))
        let bash = await fixture.questions.answer(
            ClaudeControlRequest(
                requestID: "r3", kind: .canUseTool(ToolPermissionRequest(toolName: "Bash", input: ["command": "ls"]))))
        #expect(bash == .success(PermissionDecision.deny(message: "No one can approve tools for this run").json))
    }

    /// `line` with the server's version in its initialize answer replaced by `version`.
    private static func withVersion(_ line: JSONValue, _ version: String) -> JSONValue {
        guard case .object(var outer) = line, case .object(var response)? = outer["response"],
            case .object(var body)? = response["response"], case .object(var mcp)? = body["mcp_response"],
            case .object(var result)? = mcp["result"], case .object(var info)? = result["serverInfo"]
        else { return line }
        info["version"] = .string(version)
        result["serverInfo"] = .object(info)
        mcp["result"] = .object(result)
        body["mcp_response"] = .object(mcp)
        response["response"] = .object(body)
        outer["response"] = .object(response)
        return .object(outer)
    }
}
