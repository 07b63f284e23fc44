/// A sender's file name reduced to a base name that is safe to create in the uploads folder (SPEC §15): no `/`, no
/// `..`, no control characters, no leading dot, at most 120 characters.
///
/// The name comes from a chat, so it is treated as hostile: `../../.bashrc` must not climb out of the folder or hide
/// itself, and a name padded with control or direction-override characters must not disguise what the file is.
enum SafeFileName {
    static let maxCharacters = 120
    /// Linux allows 255 bytes per name; 120 characters of four-byte UTF-8 would not fit, and the numbering suffix
    /// needs room.
    static let maxBytes = 240
    /// The longest ending kept as an extension when a long name is shortened.
    private static let maxExtensionCharacters = 16

    /// `name` made safe; nil when nothing usable is left (`..`, only dots or control characters).
    static func from(_ name: String) -> String? {
        // The last path component, whichever separator the sender's system used.
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        var cleaned = String(String.UnicodeScalarView(last.unicodeScalars.filter(isKept)))
        while cleaned.contains("..") { cleaned = cleaned.replacingOccurrences(of: "..", with: ".") }
        cleaned = String(cleaned.drop { $0 == "." || $0.isWhitespace })
        while let end = cleaned.last, end == "." || end.isWhitespace { cleaned.removeLast() }
        // A name starting with "-" would read as an option to a command run over the folder (`rm *`).
        if cleaned.hasPrefix("-") { cleaned = "_" + cleaned.dropFirst() }
        guard !cleaned.isEmpty else { return nil }
        return numbered(cleaned, 1)
    }

    /// The `attempt`-th name to try for `name`: `name` itself first, then `stem-2.ext`, `stem-3.ext`, …, the stem
    /// shortened so the whole stays within the limits.
    static func numbered(_ name: String, _ attempt: Int) -> String {
        let (stem, ending) = split(name)
        let suffix = attempt > 1 ? "-\(attempt)" : ""
        var shortened = Substring(stem)
        while shortened.count + suffix.count + ending.count > maxCharacters
            || shortened.utf8.count + suffix.utf8.count + ending.utf8.count > maxBytes
        {
            shortened = shortened.dropLast()
        }
        // A cut may end the stem on a dot, which would meet the extension's as "..".
        while let end = shortened.last, end == "." || end.isWhitespace { shortened = shortened.dropLast() }
        return (shortened.isEmpty ? "file" : String(shortened)) + suffix + ending
    }

    /// The stem and the extension with its dot ("report", ".pdf"); no extension for "Makefile" or an overlong ending.
    private static func split(_ name: String) -> (stem: String, ending: String) {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return (name, "") }
        let ending = name[dot...]
        guard ending.count <= maxExtensionCharacters + 1 else { return (name, "") }
        return (String(name[..<dot]), String(ending))
    }

    /// Controls (C0, C1), format characters (direction overrides, zero-width joiners) and line separators go.
    private static func isKept(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned: false
        default: true
        }
    }
}
