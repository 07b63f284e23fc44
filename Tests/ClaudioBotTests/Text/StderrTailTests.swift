import Testing
@testable import ClaudioBot

@Suite struct StderrTailTests {
    @Test func keepsOnlyTheLastCapacityBytes() {
        var tail = StderrTail(capacity: 8)
        for chunk in ["abc", "defg", "hijkl", "mn"] { tail.append(Array(chunk.utf8)) }
        #expect(tail.bytes == Array("ghijklmn".utf8))
        #expect(tail.totalByteCount == 14)
        tail.append(Array(repeating: UInt8(ascii: "z"), count: 100))
        #expect(tail.bytes == Array(repeating: UInt8(ascii: "z"), count: 8))
    }

    @Test func memoryStaysBoundedUnderManySmallWrites() {
        var tail = StderrTail()
        for index in 0..<100_000 { tail.append(Array("line \(index)\n".utf8)) }
        #expect(tail.bytes.count == StderrTail.defaultCapacity)
        #expect(tail.rendered().hasSuffix("line 99999"))
    }

    @Test func rendersTheLastFiveNonBlankLinesSanitized() {
        var tail = StderrTail()
        tail.append(Array("one\ntwo\n\n\u{1B}[31mError:\u{1B}[0m three\r\nfour\nfive\nsix\n\n".utf8))
        #expect(tail.rendered() == "…two\nError: three\nfour\nfive\nsix")
    }

    @Test func shortOutputIsShownWhole() {
        var tail = StderrTail()
        tail.append(Array("No conversation found with session ID: 123\n".utf8))
        #expect(tail.rendered() == "No conversation found with session ID: 123")
        #expect(StderrTail().rendered() == "")
    }

    @Test func longTailIsCutTo500CharactersStartingWithEllipsis() {
        var tail = StderrTail()
        tail.append(Array(String(repeating: "x", count: 2_000).utf8))
        let rendered = tail.rendered()
        #expect(rendered.count == 500)
        #expect(rendered.hasPrefix("…x"))
    }

    @Test func aMultibyteCharacterCutByTheCapacityIsDroppedNotGarbled() {
        var tail = StderrTail(capacity: 4)
        tail.append(Array("ab€cd".utf8))  // € is 3 bytes; the last 4 bytes start inside it
        #expect(tail.rendered() == "…cd")
    }
}
