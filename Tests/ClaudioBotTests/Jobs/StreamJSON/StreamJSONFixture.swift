import Foundation
@testable import ClaudioBot

/// The real CLI's stream-json captures in `Tests/ClaudioBotTests/Fixtures/claude-stream-json`.
enum StreamJSONFixture: String, CaseIterable {
    case echo
    case bashTool = "bash-tool"
    case resume
    case resumeUnknown = "resume-unknown"
    case apiError = "api-error"
    case sigtermMidTool = "sigterm-mid-tool"

    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // StreamJSON
        .deletingLastPathComponent()  // Jobs
        .deletingLastPathComponent()  // ClaudioBotTests
        .appendingPathComponent("Fixtures/claude-stream-json")

    /// The CLI's stdout, as captured.
    func bytes() throws -> [UInt8] {
        [UInt8](try Data(contentsOf: Self.directory.appendingPathComponent("\(rawValue).jsonl")))
    }

    /// The stdout cut into lines, fed to the splitter in chunks of `chunkSize` bytes as a pipe would.
    func lines(chunkSize: Int = 4096) throws -> [ArraySlice<UInt8>] {
        let bytes = try bytes()
        var splitter = StreamJSONLineSplitter()
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        while start < bytes.count {
            let end = min(start + chunkSize, bytes.count)
            lines += splitter.append(Array(bytes[start..<end]))
            start = end
        }
        if let last = splitter.finish() { lines.append(last) }
        return lines
    }

    enum FixtureError: Error {
        case notJSON(String)
    }

    /// Every event of the capture, in order; throws if a line is not JSON.
    func events() throws -> [ClaudeStreamEvent] {
        try lines().flatMap { line in
            guard let events = ClaudeStreamEvent.events(decodingLine: line) else {
                throw FixtureError.notJSON(String(decoding: line.prefix(200), as: UTF8.self))
            }
            return events
        }
    }

    /// The capture read into a transcript.
    func transcript(chunkSize: Int = 4096) throws -> ClaudeTranscript {
        var transcript = ClaudeTranscript()
        for line in try lines(chunkSize: chunkSize) { transcript.consume(line: line) }
        return transcript
    }
}
