/// A run of text drawn with one style.
public struct StyledSegment: Sendable, Hashable {
    public var text: String
    public var style: TextStyle

    public init(_ text: String, _ style: TextStyle = .normal) {
        self.text = text
        self.style = style
    }
}
