import Testing
@testable import ClaudioBot

@Suite struct StreamJSONLineSplitterTests {
    private func text(_ lines: [ArraySlice<UInt8>]) -> [String] {
        lines.map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func completeLinesOfOneChunkComeOutInOrder() {
        var splitter = StreamJSONLineSplitter()
        #expect(text(splitter.append(Array("one\ntwo\nthree\n".utf8))) == ["one", "two", "three"])
        #expect(splitter.finish() == nil)
    }

    @Test func aLineSplitAcrossManyChunksComesOutWhole() {
        let line = #"{"type":"assistant","message":{"content":[{"type":"text","text":"héllo 👋"}]}}"#
        let bytes = Array((line + "\n" + line + "\n").utf8)
        var splitter = StreamJSONLineSplitter()
        var lines: [String] = []
        for byte in bytes { lines += text(splitter.append([byte])) }
        #expect(lines == [line, line])
        #expect(splitter.bufferedByteCount == 0)
    }

    @Test func crlfLineEndsAreStrippedEvenWhenSplitBetweenCRAndLF() {
        var splitter = StreamJSONLineSplitter()
        var lines = text(splitter.append(Array("a\r\nb\r".utf8)))
        lines += text(splitter.append(Array("\nc\r\n".utf8)))
        #expect(lines == ["a", "b", "c"])
    }

    @Test func aCarriageReturnInsideALineIsKept() {
        var splitter = StreamJSONLineSplitter()
        #expect(text(splitter.append(Array("a\rb\n".utf8))) == ["a\rb"])
    }

    @Test func emptyLinesAreSkipped() {
        var splitter = StreamJSONLineSplitter()
        #expect(text(splitter.append(Array("\n\r\na\n\n\nb\n".utf8))) == ["a", "b"])
    }

    @Test func finishReturnsTheLastLineWithoutNewline() {
        var splitter = StreamJSONLineSplitter()
        #expect(text(splitter.append(Array("first\nlast".utf8))) == ["first"])
        #expect(splitter.finish().map { String(decoding: $0, as: UTF8.self) } == "last")
        #expect(splitter.finish() == nil)
    }

    @Test func aLineOfExactlyTheMaximumIsKeptAndOneByteMoreIsDropped() {
        var splitter = StreamJSONLineSplitter(maximumLineLength: 4)
        #expect(text(splitter.append(Array("abcd\r\nabcde\nab".utf8))) == ["abcd"])
        #expect(text(splitter.append(Array("cd\r\nabc".utf8))) == ["abcd"])
        #expect(text(splitter.append(Array("de\nok\n".utf8))) == ["ok"])
        #expect(splitter.droppedLineCount == 2)
    }

    @Test func anOverlongUnterminatedLastLineIsDroppedAtFinish() {
        var splitter = StreamJSONLineSplitter(maximumLineLength: 3)
        #expect(splitter.append(Array("abcdef".utf8)).isEmpty)
        #expect(splitter.finish() == nil)
        #expect(splitter.droppedLineCount == 1)
    }

    @Test func a20MBLineIsDroppedWithinTheCapAndTheNextLineStillParses() throws {
        var splitter = StreamJSONLineSplitter()
        let chunk = [UInt8](repeating: UInt8(ascii: "x"), count: 64 * 1024)
        var lines = splitter.append(Array(#"{"type":"assistant","message":{"content":[{"type":"text","text":""#.utf8))
        var largestBuffer = 0
        for _ in 0..<(20 * 1024 * 1024 / chunk.count) {
            lines += splitter.append(chunk)
            largestBuffer = max(largestBuffer, splitter.bufferedByteCount)
        }
        lines += splitter.append(Array("\"}]}}\n".utf8))
        lines += splitter.append(Array(#"{"type":"result","subtype":"success","result":"after","is_error":false}"#.utf8))
        lines += splitter.append(Array("\n".utf8))
        #expect(largestBuffer <= StreamJSONLineSplitter.defaultMaximumLineLength + 1)
        #expect(splitter.bufferedByteCount == 0)
        #expect(splitter.droppedLineCount == 1)
        #expect(lines.count == 1)
        let line = try #require(lines.first)
        let events = try #require(ClaudeStreamEvent.events(decodingLine: line))
        #expect(events == [.result(.init(subtype: "success", text: "after", isError: false))])
    }

    @Test func a20MBLineInOneChunkIsDroppedWithoutBeingBuffered() {
        var splitter = StreamJSONLineSplitter()
        var chunk = [UInt8](repeating: UInt8(ascii: "y"), count: 20 * 1024 * 1024)
        chunk.append(contentsOf: Array("\nnext\n".utf8))
        #expect(text(splitter.append(chunk)) == ["next"])
        #expect(splitter.droppedLineCount == 1)
        #expect(splitter.bufferedByteCount == 0)
    }
}
