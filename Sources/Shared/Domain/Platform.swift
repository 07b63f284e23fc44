/// A chat platform Claudio serves. The raw value is the name used on the wire and in the store.
public enum Platform: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    case telegram
    case slack

    public var description: String { rawValue }
}
