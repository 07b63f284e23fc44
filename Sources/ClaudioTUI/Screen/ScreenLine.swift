/// One row of the screen: styled segments whose display widths add up to the screen's width once ``fitted(to:)``.
public struct ScreenLine: Sendable, Hashable {
    public var segments: [StyledSegment]

    public init(_ segments: [StyledSegment] = []) {
        self.segments = segments
    }

    /// A line holding one segment.
    public init(_ text: String, _ style: TextStyle = .normal) {
        self.segments = [StyledSegment(text, style)]
    }

    /// The characters of the line without styles, e.g. for tests and searching.
    public var text: String { segments.map(\.text).joined() }

    /// Columns the line occupies.
    public var width: Int { segments.reduce(0) { $0 + DisplayWidth.of($1.text) } }

    /// The style at each column (a wide character's style covers both of its columns); tests use it to check what is
    /// highlighted.
    public var styleByColumn: [TextStyle] {
        segments.flatMap { Array(repeating: $0.style, count: DisplayWidth.of($0.text)) }
    }

    public mutating func append(_ text: String, _ style: TextStyle = .normal) {
        guard !text.isEmpty else { return }
        if let last = segments.last, last.style == style {
            segments[segments.count - 1].text += text
        } else {
            segments.append(StyledSegment(text, style))
        }
    }

    /// The line cut (with "…") or padded with spaces in `fill` style to exactly `width` columns.
    public func fitted(to width: Int, fill: TextStyle = .normal) -> ScreenLine {
        guard width > 0 else { return ScreenLine() }
        var result = ScreenLine()
        let total = self.width
        if total <= width {
            for segment in segments { result.append(segment.text, segment.style) }
            result.append(String(repeating: " ", count: width - total), fill)
            return result
        }
        var room = width - 1
        for segment in segments {
            let segmentWidth = DisplayWidth.of(segment.text)
            if segmentWidth <= room {
                result.append(segment.text, segment.style)
                room -= segmentWidth
                continue
            }
            let kept = ColumnText.prefix(of: segment.text, fitting: room)
            result.append(String(kept) + String(ColumnText.ellipsis), segment.style)
            room -= DisplayWidth.of(kept)
            break
        }
        // A wide character left out at the cut leaves one column over.
        result.append(String(repeating: " ", count: room), fill)
        return result
    }
}
