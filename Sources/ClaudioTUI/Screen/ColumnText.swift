/// Text fitted to terminal columns: made printable, truncated with "…" at a grapheme boundary, padded, wrapped.
///
/// Widths are display widths (``DisplayWidth``), so a CJK name or an emoji takes the two columns the terminal gives
/// it and a letter with combining accents stays one column.
public enum ColumnText {
    /// The mark that replaces what was cut off; one column wide.
    public static let ellipsis: Character = "…"

    /// `text` with nothing that would move the terminal's cursor: line breaks and tabs become spaces, other control
    /// characters "�", and a grapheme of zero width on its own (a stray combining mark, a bidi override) is dropped.
    public static func printable(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            if character == "\n" || character == "\r\n" || character == "\r" || character == "\t" {
                result.append(" ")
            } else if character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                result.append("\u{FFFD}")
            } else if DisplayWidth.of(character) > 0 {
                result.append(character)
            }
        }
        return result
    }

    /// `text` cut to at most `width` columns, ending (or starting, for `.head`) with "…" when something was cut.
    /// A wide character that would straddle the limit is left out whole, so the result can be one column short.
    public static func truncated(_ text: String, to width: Int, side: TruncationSide = .tail) -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return text }
        let room = width - 1
        switch side {
        case .tail:
            return String(prefix(of: text, fitting: room)) + String(ellipsis)
        case .head:
            return String(ellipsis) + String(prefix(of: text.reversed(), fitting: room).reversed())
        }
    }

    /// `text` truncated to `width` and padded with spaces to exactly `width` columns.
    public static func fitted(
        _ text: String, to width: Int, alignment: CellAlignment = .left, side: TruncationSide = .tail
    ) -> String {
        let cut = truncated(text, to: width, side: side)
        let padding = String(repeating: " ", count: max(0, width - DisplayWidth.of(cut)))
        return alignment == .left ? cut + padding : padding + cut
    }

    /// The cells of one table row, each made printable and fitted to its column, one space apart; dropped columns
    /// (width 0) are left out.
    public static func row(_ values: [String], columns: [TableColumn], widths: [Int]) -> String {
        var parts: [String] = []
        for (index, column) in columns.enumerated() where index < widths.count && widths[index] > 0 {
            let value = index < values.count ? printable(values[index]) : ""
            parts.append(fitted(value, to: widths[index], alignment: column.alignment, side: column.truncation))
        }
        return parts.joined(separator: " ")
    }

    /// `text` broken into lines of at most `width` columns, at spaces where possible; a word wider than a line is
    /// split between graphemes.
    public static func wrapped(_ text: String, to width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            var rest = Substring(word)
            var wordWidth = DisplayWidth.of(rest)
            if lineWidth > 0 && lineWidth + 1 + wordWidth <= width {
                line += " " + rest
                lineWidth += 1 + wordWidth
                continue
            }
            if lineWidth > 0 { lines.append(line) }
            while wordWidth > width {
                let head = prefix(of: rest, fitting: width)
                let piece = head.isEmpty ? rest.prefix(1) : head
                lines.append(String(piece))
                rest = rest.dropFirst(piece.count)
                wordWidth = DisplayWidth.of(rest)
            }
            line = String(rest)
            lineWidth = wordWidth
        }
        if lineWidth > 0 || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// The longest run of whole graphemes from the start of `characters` that fits in `width` columns.
    static func prefix<Characters: Collection<Character>>(of characters: Characters, fitting width: Int)
        -> Characters.SubSequence
    {
        var used = 0
        var end = characters.startIndex
        while end != characters.endIndex {
            let next = used + DisplayWidth.of(characters[end])
            if next > width { break }
            used = next
            characters.formIndex(after: &end)
        }
        return characters[..<end]
    }
}
