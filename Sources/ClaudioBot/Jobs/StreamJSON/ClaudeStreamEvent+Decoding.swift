import Foundation

extension ClaudeStreamEvent {
    /// The events of one stream-json line (without its newline), or nil when the line is not a JSON
    /// object: the CLI and the tools it runs may print plain text, which is tolerated and skipped.
    ///
    /// A JSON object always yields at least one event (`.other` for types Claudio does not use).
    static func events(decodingLine line: ArraySlice<UInt8>) -> [ClaudeStreamEvent]? {
        // Most non-JSON output (warnings, stack traces) is rejected here without running the parser.
        guard let first = line.first(where: { !Self.isJSONWhitespace($0) }), first == UInt8(ascii: "{") else {
            return nil
        }
        return (try? JSONDecoder().decode(ClaudeStreamLine.self, from: Data(line)))?.events
    }

    /// Same as `events(decodingLine:)` for a line held as text.
    static func events(decodingLine line: String) -> [ClaudeStreamEvent]? {
        events(decodingLine: ArraySlice(line.utf8))
    }

    private static func isJSONWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
