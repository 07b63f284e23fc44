import Testing
@testable import ClaudioBot

@Suite struct MessageSplitterTests {
    private func cost(_ text: String, _ unit: MessageSplitter.Unit) -> Int {
        unit == .utf16 ? text.utf16.count : text.count
    }

    /// Whether a part leaves a fenced code block open (odd number of fence lines).
    private func leavesFenceOpen(_ part: String) -> Bool {
        part.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { $0.drop { $0 == " " }.hasPrefix("```") }
            .count % 2 == 1
    }

    @Test func emptyTextHasNoParts() {
        #expect(MessageSplitter.telegram.split("").isEmpty)
    }

    @Test func shortTextIsOnePart() {
        #expect(MessageSplitter.telegram.split("Hello 👋") == ["Hello 👋"])
        let exactlyFull = String(repeating: "a", count: 4096)
        #expect(MessageSplitter.telegram.split(exactlyFull) == [exactlyFull])
    }

    @Test func breaksAfterLineBreaksWhenLinesAreAvailable() {
        let text = (1...200).map { "line number \($0) of the answer" }.joined(separator: "\n")
        let parts = MessageSplitter(limit: 300, unit: .characters).split(text)
        #expect(parts.count > 1)
        for part in parts.dropLast() { #expect(part.hasSuffix("\n")) }
        #expect(parts.joined() == text)
    }

    @Test func prefersBlankLinesOverLineBreaks() {
        let paragraph = (1...5).map { "sentence \($0) of a paragraph" }.joined(separator: "\n")
        let text = Array(repeating: paragraph, count: 20).joined(separator: "\n\n")
        let parts = MessageSplitter(limit: 400, unit: .utf16).split(text)
        #expect(parts.count > 1)
        for part in parts.dropLast() { #expect(part.hasSuffix("\n\n")) }
        #expect(parts.joined() == text)
    }

    @Test func aFarAwayBlankLineDoesNotLeaveAPartMostlyEmpty() {
        let text = "intro\n\n" + (1...100).map { "line \($0)" }.joined(separator: "\n")
        let parts = MessageSplitter(limit: 200, unit: .characters).split(text)
        #expect(parts[0].count > 100)
        #expect(parts[0].hasSuffix("\n"))
    }

    @Test func breaksAfterSpacesInsideOneLongLine() {
        let text = (1...300).map { "word\($0)" }.joined(separator: " ")
        let parts = MessageSplitter(limit: 100, unit: .characters).split(text)
        for part in parts.dropLast() {
            #expect(part.hasSuffix(" "))
            #expect(part.count <= 100)
        }
        #expect(parts.joined() == text)
    }

    @Test func breaksAnywhereWhenThereIsNoSpace() {
        let text = String(repeating: "abcdefghij", count: 25)
        #expect(MessageSplitter(limit: 100, unit: .characters).split(text).map(\.count) == [100, 100, 50])
    }

    @Test func countsUTF16UnitsForTelegramWithoutSplittingSurrogatePairs() {
        let text = String(repeating: "👋", count: 3000)
        let parts = MessageSplitter.telegram.split(text)
        #expect(parts.map { $0.utf16.count } == [4096, 1904])
        #expect(parts.joined() == text)
        #expect(MessageSplitter.slack.split(text).map(\.count) == [3000])
    }

    @Test func neverSplitsAGraphemeClusterWithCombiningMarksOrJoiners() {
        let family = "👩‍👩‍👧‍👦"  // 11 UTF-16 units, one character
        let text = String(repeating: family + "e\u{301}", count: 200)
        for unit in [MessageSplitter.Unit.utf16, .characters] {
            let parts = MessageSplitter(limit: 50, unit: unit).split(text)
            #expect(parts.joined() == text)
            #expect(parts.map(\.count).reduce(0, +) == text.count)
            for part in parts { #expect(cost(part, unit) <= 50) }
        }
    }

    @Test func aGraphemeClusterLongerThanTheLimitIsCutBetweenScalars() {
        let zalgo = "e" + String(repeating: "\u{301}", count: 500)
        let text = "before " + zalgo + " after"
        let parts = MessageSplitter(limit: 64, unit: .utf16).split(text)
        for part in parts { #expect(part.utf16.count <= 64) }
        #expect(parts.joined() == text)
    }

    @Test(arguments: [MessageSplitter.Unit.utf16, .characters], [7, 16, 33, 100, 1000])
    func partsOfRandomTextNeverExceedTheLimitAndReassembleExactly(unit: MessageSplitter.Unit, limit: Int) {
        var random = SplitMix64(seed: UInt64(limit))
        let pieces = ["word", " ", " ", "\n", "\n\n", "👋🏽", "👩‍👩‍👧", "e\u{301}", "日本語", "🇺🇦", "\t", "a-long-token-without-spaces"]
        var text = ""
        for _ in 0..<5_000 { text += pieces[Int(random.next() % UInt64(pieces.count))] }
        let parts = MessageSplitter(limit: limit, unit: unit).split(text)
        for part in parts { #expect(cost(part, unit) <= limit) }
        // Whitespace-only parts are dropped, so compare without them on both sides of a blank part.
        #expect(parts.joined().filter { !$0.isWhitespace } == text.filter { !$0.isWhitespace })
        #expect(parts.allSatisfy { $0.contains { !$0.isWhitespace } })
    }

    @Test func withoutBlankPartsRandomTextReassemblesExactly() {
        var random = SplitMix64(seed: 42)
        let pieces = ["word", " ", "\n", "👋🏽", "e\u{301}", "x"]
        var text = ""
        for _ in 0..<20_000 { text += pieces[Int(random.next() % UInt64(pieces.count))] }
        for unit in [MessageSplitter.Unit.utf16, .characters] {
            let parts = MessageSplitter(limit: 257, unit: unit).split(text)
            #expect(parts.joined() == text)
            #expect(parts.map(\.count).reduce(0, +) == text.count)
        }
    }

    @Test func codeBlocksAreClosedAndReopenedWithTheirInfoString() {
        let code = (1...120).map { "    let value\($0) = compute(\($0))" }.joined(separator: "\n")
        let text = "Here is the code:\n\n```swift\n" + code + "\n```\n\nThat is all."
        let limit = 500
        let parts = MessageSplitter(limit: limit, unit: .utf16).split(text)
        #expect(parts.count > 3)
        for (index, part) in parts.enumerated() {
            #expect(part.utf16.count <= limit)
            #expect(!leavesFenceOpen(part), "part \(index) leaves a code block open")
            if index > 0, index < parts.count - 1 { #expect(part.hasPrefix("```swift\n")) }
        }
        #expect(parts.first?.hasPrefix("Here is the code:") == true)
        #expect(parts.last?.hasSuffix("That is all.") == true)
        // Removing the added fences gives back the text.
        let reassembled = parts.enumerated().map { index, part -> String in
            var part = part
            if index > 0, part.hasPrefix("```swift\n"), !text.hasPrefix(part) { part.removeFirst("```swift\n".count) }
            if index < parts.count - 1, part.hasSuffix("\n```") { part.removeLast(3) }
            return part
        }.joined()
        #expect(reassembled.replacingFenceLines() == text.replacingFenceLines())
    }

    @Test func fenceMarkersLongerThanThreeAndTildesAreReopenedAsWritten() {
        let code = (1...60).map { "echo \($0)" }.joined(separator: "\n")
        let text = "~~~~bash\n" + code + "\n~~~~\n"
        let parts = MessageSplitter(limit: 120, unit: .characters).split(text)
        #expect(parts.count > 2)
        for part in parts.dropFirst() { #expect(part.hasPrefix("~~~~bash\n")) }
        for part in parts.dropLast() { #expect(part.hasSuffix("~~~~")) }
        for part in parts { #expect(part.count <= 120) }
    }

    @Test func aPartNeverStartsWithAnEmptyCodeBlock() {
        let text = "```\n" + String(repeating: "x", count: 90) + "\n```\nafter"
        for limit in 90...110 {
            for part in MessageSplitter(limit: limit, unit: .characters).split(text) {
                #expect(!part.hasPrefix("```\n```"), "limit \(limit)")
                #expect(part.count <= limit)
            }
        }
    }

    @Test func maxPartsEndsTheLastPartWithATruncationNote() throws {
        let text = (1...1000).map { "line \($0)" }.joined(separator: "\n")
        let parts = MessageSplitter(limit: 200, unit: .characters, maxParts: 3).split(text)
        #expect(parts.count == 3)
        for part in parts { #expect(part.count <= 200) }
        let last = try #require(parts.last)
        let noteRange = try #require(last.range(of: "… (output truncated: "))
        var shown = parts[0] + parts[1] + last[..<noteRange.lowerBound]
        // The note goes on a line of its own; a line break added for it is not part of the text.
        if !text.hasPrefix(shown) { shown.removeLast() }
        #expect(text.hasPrefix(shown))
        #expect(last.hasSuffix("… (output truncated: \(text.count - shown.count) more characters)"))
    }

    @Test func maxPartsAddsNoNoteWhenEverythingFits() {
        let text = String(repeating: "a", count: 250)
        #expect(MessageSplitter(limit: 100, unit: .characters, maxParts: 3).split(text).map(\.count) == [100, 100, 50])
        #expect(MessageSplitter(limit: 100, unit: .characters, maxParts: 1).split("short") == ["short"])
    }

    @Test func maxPartsOfOneTruncatesInsideACodeBlockAndStillClosesIt() throws {
        let text = "```python\n" + (1...100).map { "print(\($0))" }.joined(separator: "\n") + "\n```"
        let parts = MessageSplitter.telegram.limited(toParts: 1).split(String(repeating: text + "\n", count: 50))
        let only = try #require(parts.first)
        #expect(parts.count == 1)
        #expect(only.utf16.count <= 4096)
        #expect(only.contains("\n```\n… (output truncated: "))
    }
}

extension String {
    /// The text without lines that are only a code fence, to compare content across added fences.
    fileprivate func replacingFenceLines() -> String {
        split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("```") }
            .joined(separator: "\n")
    }
}

/// A small seeded generator, so the randomized tests are reproducible.
private struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
