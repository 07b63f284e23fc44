import Testing

@testable import ClaudioTUI

@Suite("Fitting text to columns: truncation with …, padding, wrapping, printable text")
struct ColumnTextTests {
    static let samples = [
        "plain ascii text that is long", "日本語のテキストです", "Ｆｕｌｌｗｉｄｔｈ", "😀😃😄😁😆😅",
        "👨‍👩‍👧 family 👍🏽 thumbs", "e\u{301}e\u{301}e\u{301}e\u{301}e\u{301}e\u{301}e\u{301}",
        "mixed 漢字 and e\u{301}moji 🇫🇷 flags", "a", "",
    ]

    @Test("fitted text is exactly the column's width for every width", arguments: samples)
    func exactWidth(sample: String) {
        for width in 0...32 {
            let fitted = ColumnText.fitted(sample, to: width)
            #expect(DisplayWidth.of(fitted) == width, "\(sample) at \(width): \(fitted)")
            let truncated = ColumnText.truncated(sample, to: width)
            #expect(DisplayWidth.of(truncated) <= width)
            if DisplayWidth.of(sample) > width && width > 0 { #expect(truncated.last == "…") }
        }
    }

    @Test("truncation keeps whole graphemes: the kept text is a prefix of the original's characters",
          arguments: samples)
    func wholeGraphemes(sample: String) {
        for width in 1...20 where DisplayWidth.of(sample) > width {
            let kept = ColumnText.truncated(sample, to: width).dropLast()
            #expect(Array(sample).starts(with: Array(kept)), "\(sample) at \(width)")
        }
    }

    @Test("CJK that would straddle the limit is left out whole, and padding makes up the column")
    func wideStraddle() {
        #expect(ColumnText.truncated("日本語のテキスト", to: 7) == "日本語…")
        #expect(ColumnText.truncated("日本語のテキスト", to: 8) == "日本語…")
        #expect(ColumnText.fitted("日本語のテキスト", to: 8) == "日本語… ")
        #expect(ColumnText.truncated("😀😀😀😀", to: 5) == "😀😀…")
    }

    @Test("combining accents stay on their letter when cut")
    func combining() {
        let accented = String(repeating: "e\u{301}", count: 10)
        let cut = ColumnText.truncated(accented, to: 5)
        #expect(cut == String(repeating: "e\u{301}", count: 4) + "…")
        #expect(cut.unicodeScalars.filter { $0.value == 0x301 }.count == 4)
    }

    @Test("text that fits is unchanged; right alignment pads on the left")
    func fits() {
        #expect(ColumnText.truncated("abc", to: 3) == "abc")
        #expect(ColumnText.fitted("42", to: 5, alignment: .right) == "   42")
        #expect(ColumnText.fitted("漢", to: 3, alignment: .right) == " 漢")
    }

    @Test("head truncation keeps the end of a path")
    func headTruncation() {
        let cut = ColumnText.truncated("/tmp/claudio/state/telegram_claude_bot.lock", to: 20, side: .head)
        #expect(cut == "…ram_claude_bot.lock")
        #expect(DisplayWidth.of(cut) == 20)
    }

    @Test("control characters cannot reach the terminal; stray zero-width graphemes are dropped")
    func printable() {
        #expect(ColumnText.printable("a\nb\tc") == "a b c")
        #expect(ColumnText.printable("bell\u{07}esc\u{1B}[2J") == "bell\u{FFFD}esc\u{FFFD}[2J")
        #expect(ColumnText.printable("\u{301}x\u{202E}y") == "xy")
    }

    @Test("wrapping breaks at spaces and splits a word longer than the line")
    func wrapping() {
        #expect(ColumnText.wrapped("the daemon is not running", to: 10) == ["the daemon", "is not", "running"])
        #expect(ColumnText.wrapped("abcdefghij", to: 4) == ["abcd", "efgh", "ij"])
        #expect(ColumnText.wrapped("漢字漢字漢字", to: 5) == ["漢字", "漢字", "漢字"])
    }
}
