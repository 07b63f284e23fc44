/// The character classes CommonMark's inline rules are written in.
extension Character {
    /// C0 controls and DEL, which CommonMark allows in neither autolinks nor link destinations.
    var isASCIIControl: Bool {
        guard let value = asciiValue else { return false }
        return value < 0x20 || value == 0x7F
    }

    /// `!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~`: what a backslash makes literal.
    var isASCIIPunctuation: Bool {
        isASCII && (isPunctuation || isSymbol)
    }

    /// Unicode punctuation and symbols (general categories P and S), which decide with whitespace whether a
    /// delimiter run can open or close emphasis.
    var isMarkdownPunctuation: Bool {
        isPunctuation || isSymbol
    }
}
