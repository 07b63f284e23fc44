import Testing

@testable import ClaudioTUI

@Suite("Display width of text in terminal columns")
struct DisplayWidthTests {
    @Test("ASCII and Latin letters take one column")
    func narrow() {
        #expect(DisplayWidth.of("hello") == 5)
        #expect(DisplayWidth.of("Zoë") == 3)
        #expect(DisplayWidth.of("…●○✖─") == 5)
    }

    @Test("CJK, Hangul, kana and fullwidth forms take two columns")
    func eastAsianWide() {
        #expect(DisplayWidth.of("漢字") == 4)
        #expect(DisplayWidth.of("한국어") == 6)
        #expect(DisplayWidth.of("カタカナ") == 8)
        #expect(DisplayWidth.of("ＡＢ") == 4)
        #expect(DisplayWidth.of("日本語abc") == 9)
    }

    @Test("emoji take two columns, as one glyph even when built from several scalars")
    func emoji() {
        #expect(DisplayWidth.of("😀") == 2)
        #expect(DisplayWidth.of("👍🏽") == 2)
        #expect(DisplayWidth.of("👨‍👩‍👧") == 2)
        #expect(DisplayWidth.of("🇫🇷") == 2)
        #expect(DisplayWidth.of("☺") == 1)
        #expect(DisplayWidth.of("☺\u{FE0F}") == 2)
    }

    @Test("combining marks and format characters take no column")
    func zeroWidth() {
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("a\u{301}\u{308}\u{323}") == 1)
        #expect(DisplayWidth.of(Unicode.Scalar(0x301)!) == 0)
        #expect(DisplayWidth.of(Unicode.Scalar(0x20DD)!) == 0)
        #expect(DisplayWidth.of(Unicode.Scalar(0x200B)!) == 0)
        #expect(DisplayWidth.of("한") == DisplayWidth.of("\u{1112}\u{1161}\u{11AB}"))
    }
}
