import Foundation
import Shared

/// What the fake model answers, scripted by the prompt (the last text of the newest user turn):
///
/// | prompt | answer |
/// |---|---|
/// | a turn carrying a `tool_result` | text "Tool finished: <the tool's output>" |
/// | `RUNBASH: <command>` | a `Bash` tool_use running `<command>` |
/// | `RUNTOOL: <tool name> <JSON input>` | a tool_use of that tool with that input |
/// | `SLOW: <text>` | text "Echo: <text>", streamed one word every `slowWordInterval` |
/// | `LONG: <n>` | text of `n` numbered lines, to exercise message splitting |
/// | `FAIL: <status>` | that HTTP error; the CLI retries it (~10 times, minutes) |
/// | `FAIL: <status> noretry` | the same with `x-should-retry: false`, which the CLI honours: it gives up at once |
/// | anything else | text "Echo: <prompt>" |
enum FakeAnthropicReply: Sendable, Equatable {
    case text(String, wordInterval: Duration?)
    case toolUse(name: String, input: JSONValue)
    case failure(status: Int, retryable: Bool)

    static let slowWordInterval = Duration.milliseconds(300)

    static func scripted(for request: FakeAnthropicRequest) -> FakeAnthropicReply {
        if let result = request.lastUserTurn?.toolResults.last {
            return .text("Tool finished: \(result.text)", wordInterval: nil)
        }
        let prompt = request.prompt
        if let command = prompt.removingPrefix("RUNBASH: ") {
            return .toolUse(
                name: "Bash", input: ["command": .string(command), "description": "Run the requested command"])
        }
        if let call = prompt.removingPrefix("RUNTOOL: ") {
            let name = String(call.prefix { !$0.isWhitespace })
            let json = call.dropFirst(name.count).trimmingCharacters(in: .whitespaces)
            guard let input = try? JSONDecoder().decode(JSONValue.self, from: Data(json.utf8)), case .object = input
            else {
                return .text("RUNTOOL needs a tool name and a JSON object, got: \(call)", wordInterval: nil)
            }
            return .toolUse(name: name, input: input)
        }
        if let text = prompt.removingPrefix("SLOW: ") {
            return .text("Echo: \(text)", wordInterval: slowWordInterval)
        }
        if let count = prompt.removingPrefix("LONG: ").flatMap({ Int($0) }) {
            let lines = (1...max(count, 1)).map {
                "Line \($0) of \(count): the quick brown fox jumps over the lazy dog."
            }
            return .text(lines.joined(separator: "\n"), wordInterval: nil)
        }
        if let failure = prompt.removingPrefix("FAIL: ") {
            let words = failure.split(separator: " ")
            let status = words.first.flatMap { Int($0) } ?? 500
            return .failure(status: status, retryable: !words.contains("noretry"))
        }
        return .text("Echo: \(prompt)", wordInterval: nil)
    }

    /// The Anthropic error `type` the real API uses for `status`.
    static func errorType(for status: Int) -> String {
        switch status {
        case 400: "invalid_request_error"
        case 401: "authentication_error"
        case 403: "permission_error"
        case 404: "not_found_error"
        case 413: "request_too_large"
        case 429: "rate_limit_error"
        case 529: "overloaded_error"
        default: "api_error"
        }
    }
}

extension String {
    fileprivate func removingPrefix(_ prefix: String) -> String? {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : nil
    }
}
