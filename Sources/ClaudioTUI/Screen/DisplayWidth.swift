/// How many terminal columns text occupies, from Unicode scalar properties: East Asian wide and fullwidth characters
/// and emoji take 2 columns, combining marks and format characters 0, everything else 1.
///
/// The console positions every cell itself, so its idea of width has to match the terminal's (which follows
/// `wcwidth` and Unicode's East Asian Width): a mismatch would shift every column after a name.
public enum DisplayWidth {
    /// The columns of one scalar on its own: 0, 1 or 2.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
        if value < 0x300 { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        // Hangul medial vowels and final consonants join the preceding initial consonant's two columns.
        if (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value) { return 0 }
        if scalar.properties.isEmojiPresentation { return 2 }
        return wideRanges.contains { $0.contains(value) } ? 2 : 1
    }

    /// The columns of one grapheme: its scalars' widths added up, at most 2 (an emoji sequence joined with ZWJ, or a
    /// flag, is one wide glyph), and 2 for a text-style symbol asking for emoji presentation (U+FE0F).
    public static func of(_ character: Character) -> Int {
        var total = 0
        var asksForEmoji = false
        for scalar in character.unicodeScalars {
            total += of(scalar)
            if scalar.value == 0xFE0F { asksForEmoji = true }
        }
        if asksForEmoji, let first = character.unicodeScalars.first, first.properties.isEmoji { return 2 }
        return min(total, 2)
    }

    /// The columns of a whole text.
    public static func of(_ text: some StringProtocol) -> Int {
        text.reduce(0) { $0 + of($1) }
    }

    /// East Asian Width "W" and "F" blocks outside the emoji set (Unicode 15): Hangul, CJK, kana, fullwidth forms.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
        0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
        0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1AFF0...0x1B2FF,
        0x1F200...0x1F202, 0x1F210...0x1F23B, 0x1F240...0x1F248, 0x1F250...0x1F251, 0x20000...0x2FFFD,
        0x30000...0x3FFFD,
    ]
}
