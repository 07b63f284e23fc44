/// Whether the console draws with colours or with bold and reverse video only.
public enum ColorMode: Sendable, Equatable {
    case colors
    case monochrome

    /// Monochrome when `NO_COLOR` is set to anything but the empty string (no-color.org); otherwise colours, if the
    /// terminal turns out to have them.
    public static func preferred(environment: [String: String]) -> ColorMode {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .monochrome }
        return .colors
    }
}
