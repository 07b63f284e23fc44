import Testing

@testable import ClaudioTUI

@Suite("Screen lines fitted to the terminal's width")
struct ScreenLineTests {
    @Test("a short line is padded in the fill style to the exact width")
    func padding() {
        let line = ScreenLine([StyledSegment("ab", .bold), StyledSegment("漢", .ok)]).fitted(to: 8, fill: .selected)
        #expect(line.text == "ab漢    ")
        #expect(line.width == 8)
        #expect(line.styleByColumn == [.bold, .bold, .ok, .ok, .selected, .selected, .selected, .selected])
    }

    @Test("a long line is cut with … in the style of the segment where it was cut, even at a segment boundary")
    func cutting() {
        let line = ScreenLine([StyledSegment("abcd", .bold), StyledSegment("efgh", .error)])
        #expect(line.fitted(to: 6).segments == [StyledSegment("abcd", .bold), StyledSegment("e…", .error)])
        #expect(line.fitted(to: 5).segments == [StyledSegment("abcd", .bold), StyledSegment("…", .error)])
        #expect(line.fitted(to: 4).segments == [StyledSegment("abc…", .bold)])
        let wide = ScreenLine("日本語テキスト").fitted(to: 6)
        #expect(wide.text == "日本… ")
        #expect(wide.width == 6)
    }
}
