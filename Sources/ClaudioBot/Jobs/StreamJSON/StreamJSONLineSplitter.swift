/// Cuts the bytes read from claude's stdout into lines, whatever the chunk boundaries were.
///
/// Lines end at `\n`; a `\r` right before it is dropped, so CRLF output reads the same. Empty lines are
/// skipped. A line longer than `maximumLineLength` is discarded up to its newline and counted in
/// `droppedLineCount`, so a runaway line (a tool dumping a huge file into one JSON string) costs at most
/// `maximumLineLength` bytes of memory and the lines after it still arrive.
///
/// Lines that lie wholly inside one chunk are handed out as slices of that chunk, without copying.
package struct StreamJSONLineSplitter: Sendable {
    /// 16 MiB: far above any line the CLI writes in normal use, small enough to hold per running job.
    package static let defaultMaximumLineLength = 16 << 20

    /// Longest line kept, in bytes, not counting its line terminator.
    let maximumLineLength: Int
    /// Lines discarded for being longer than `maximumLineLength`.
    private(set) var droppedLineCount = 0

    /// Bytes of an incomplete line carried over from earlier chunks.
    private var pending: [UInt8] = []
    /// Inside an over-long line: everything up to its newline is thrown away.
    private var discardingLine = false

    package init(maximumLineLength: Int = Self.defaultMaximumLineLength) {
        precondition(maximumLineLength > 0, "a line splitter needs room for at least one byte")
        self.maximumLineLength = maximumLineLength
    }

    /// Bytes held for a line not yet complete; never more than `maximumLineLength` + 1.
    var bufferedByteCount: Int { pending.count }

    /// Takes the next chunk and returns the lines it completed, in order.
    package mutating func append(_ chunk: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var lineStart = chunk.startIndex
        while let newline = chunk[lineStart...].firstIndex(of: UInt8(ascii: "\n")) {
            completeLine(chunk[lineStart..<newline], into: &lines)
            lineStart = newline + 1
        }
        carry(chunk[lineStart...])
        return lines
    }

    /// Ends the stream: returns the last line if it had no newline, and forgets all state.
    package mutating func finish() -> ArraySlice<UInt8>? {
        defer {
            pending = []
            discardingLine = false
        }
        guard !discardingLine, !pending.isEmpty else { return nil }
        var lines: [ArraySlice<UInt8>] = []
        keep(pending[...], into: &lines)
        return lines.first
    }

    // MARK: - Line assembly

    private mutating func completeLine(_ tail: ArraySlice<UInt8>, into lines: inout [ArraySlice<UInt8>]) {
        if discardingLine {
            discardingLine = false
            return
        }
        if pending.isEmpty {
            keep(tail, into: &lines)
            return
        }
        guard pending.count + tail.count <= maximumLineLength + 1 else {
            // The `\r` of a CRLF may be the one byte over the limit; anything longer is dropped.
            pending = []
            droppedLineCount += 1
            return
        }
        pending.append(contentsOf: tail)
        let line = pending
        pending = []
        keep(line[...], into: &lines)
    }

    private mutating func keep(_ rawLine: ArraySlice<UInt8>, into lines: inout [ArraySlice<UInt8>]) {
        let line = rawLine.last == UInt8(ascii: "\r") ? rawLine.dropLast() : rawLine
        guard line.count <= maximumLineLength else {
            droppedLineCount += 1
            return
        }
        if !line.isEmpty { lines.append(line) }
    }

    /// Holds the start of a line whose newline is in a later chunk, unless it is already too long.
    private mutating func carry(_ rest: ArraySlice<UInt8>) {
        guard !rest.isEmpty, !discardingLine else { return }
        if pending.count + rest.count > maximumLineLength + 1 {
            pending = []
            discardingLine = true
            droppedLineCount += 1
            return
        }
        pending.append(contentsOf: rest)
    }
}
