import Shared
import Foundation

@testable import ClaudioBot

/// The real CLI's control-protocol transcripts in `Tests/ClaudioBotTests/Fixtures/claude-control-protocol`: lines
/// starting `>> ` were written to its stdin, `<< ` are what it printed.
enum ControlProtocolFixture: String, CaseIterable {
    case allow = "can-use-tool-allow"
    case deny = "can-use-tool-deny"
    case sdkMCP = "sdk-mcp-send-file"

    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // ControlProtocol
        .deletingLastPathComponent()  // Jobs
        .deletingLastPathComponent()  // ClaudioBotTests
        .appendingPathComponent("Fixtures/claude-control-protocol")

    private func lines(prefix: String) throws -> [String] {
        let text = try String(contentsOf: Self.directory.appendingPathComponent("\(rawValue).txt"), encoding: .utf8)
        return text.split(separator: "\n").filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
    }

    /// What was written to the CLI's stdin, each line as JSON.
    func input() throws -> [JSONValue] {
        try lines(prefix: ">> ").map { try JSONDecoder().decode(JSONValue.self, from: Data($0.utf8)) }
    }

    /// What the CLI printed, decoded as Claudio reads it.
    func output() throws -> [ClaudeStreamEvent] {
        try lines(prefix: "<< ").flatMap { ClaudeStreamEvent.events(decodingLine: $0) ?? [] }
    }

    /// The CLI's control requests, in order.
    func controlRequests() throws -> [ClaudeControlRequest] {
        try output().compactMap { if case .controlRequest(let request) = $0 { request } else { nil } }
    }
}
