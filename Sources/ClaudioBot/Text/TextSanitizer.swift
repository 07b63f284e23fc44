/// Makes text from claude, its tools or a chat safe to show and store: terminal escape sequences and
/// control characters are removed, so a tool's coloured output or a hostile message cannot smuggle
/// cursor movement, window titles or invisible bytes into chat messages, logs or the console.
///
/// Works on UTF-8 bytes: everything it removes is ASCII or a two-byte C1 character, so the scan never
/// needs to decode the rest of the text, and text with nothing to remove is returned as is.
enum TextSanitizer {
    /// The text without ANSI escape sequences and without control characters other than `\n` and `\t`.
    ///
    /// Removed: CSI sequences (`ESC [` … final byte), OSC and the other string sequences (`ESC ]`,
    /// `ESC P`, `ESC X`, `ESC ^`, `ESC _` … up to BEL or `ESC \`), other `ESC` sequences (an `ESC`,
    /// intermediate bytes, one final byte), C0 controls including `\r`, DEL and C1 controls
    /// (U+0080–U+009F).
    static func clean(_ text: String) -> String {
        var text = text
        let cleaned = text.withUTF8 { bytes in
            containsRemovable(bytes) ? String(decoding: removingEscapesAndControls(bytes), as: UTF8.self) : nil
        }
        return cleaned ?? text
    }

    /// A one-line excerpt for progress lines, logs and records: cleaned, newlines and tabs turned into
    /// spaces, runs of whitespace collapsed, bidirectional controls dropped (they could make the console show
    /// text in another order than it was sent in), trimmed, and at most `limit` characters, the last of them
    /// "…" when something was cut.
    static func excerpt(_ text: String, limit: Int) -> String {
        guard limit > 0 else { return "" }
        // An excerpt of a multi-megabyte tool output needs only its head; the whole text is cleaned only
        // when the head collapses to less than the limit.
        let headLength = limit * 16 + 4096
        if text.utf8.count > headLength {
            let head = collapsed(clean(String(text.prefix(headLength))), limit: limit)
            if head.wasCut { return head.line }
        }
        return collapsed(clean(text), limit: limit).line
    }

    private static func collapsed(_ text: String, limit: Int) -> (line: String, wasCut: Bool) {
        var line = ""
        var count = 0
        var pendingSpace = false
        for character in text where !isBidiControl(character) {
            if character.isWhitespace {
                pendingSpace = count > 0
                continue
            }
            if pendingSpace {
                line.append(" ")
                count += 1
                pendingSpace = false
            }
            line.append(character)
            count += 1
            if count > limit {
                var kept = String(line.prefix(limit - 1))
                while kept.last?.isWhitespace == true { kept.removeLast() }
                return (kept + "…", true)
            }
        }
        return (line, false)
    }

    /// Bidirectional overrides, embeddings, isolates and marks: invisible, but they reorder what follows.
    private static func isBidiControl(_ character: Character) -> Bool {
        character.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
            default: false
            }
        }
    }

    // MARK: - Byte scanning

    private static let escape: UInt8 = 0x1B
    private static let bell: UInt8 = 0x07
    /// UTF-8 lead byte of U+0080–U+00BF; C1 controls are `0xC2 0x80...0x9F`.
    private static let c1Lead: UInt8 = 0xC2

    private static func isRemovableControl(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != 0x0A && byte != 0x09) || byte == 0x7F
    }

    private static func containsRemovable(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previous: UInt8 = 0
        for byte in bytes {
            if isRemovableControl(byte) { return true }
            if previous == c1Lead, (0x80...0x9F).contains(byte) { return true }
            previous = byte
        }
        return false
    }

    private static func removingEscapesAndControls(_ input: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var index = 0
        let end = input.count
        while index < end {
            let byte = input[index]
            if byte == escape {
                index = indexAfterEscapeSequence(in: input, bodyStart: index + 1)
                continue
            }
            if byte == c1Lead, index + 1 < end, (0x80...0x9F).contains(input[index + 1]) {
                // C1 CSI (U+009B) and OSC-like introducers (U+0090, U+0098, U+009D–U+009F) start
                // sequences just like their ESC forms; every other C1 control is dropped alone.
                let control = input[index + 1]
                index = indexAfterC1Control(control, in: input, bodyStart: index + 2)
                continue
            }
            if !isRemovableControl(byte) { output.append(byte) }
            index += 1
        }
        return output
    }

    /// Index just past the sequence whose `ESC` is right before `bodyStart`.
    private static func indexAfterEscapeSequence(in input: UnsafeBufferPointer<UInt8>, bodyStart: Int) -> Int {
        guard bodyStart < input.count else { return bodyStart }
        switch input[bodyStart] {
        case UInt8(ascii: "["):
            return indexAfterControlSequence(in: input, parametersStart: bodyStart + 1)
        case UInt8(ascii: "]"), UInt8(ascii: "P"), UInt8(ascii: "X"), UInt8(ascii: "^"), UInt8(ascii: "_"):
            return indexAfterStringSequence(in: input, bodyStart: bodyStart + 1)
        default:
            // nF/Fp/Fe/Fs escapes: intermediate bytes 0x20–0x2F, then one final byte 0x30–0x7E.
            var index = bodyStart
            while index < input.count, (0x20...0x2F).contains(input[index]) { index += 1 }
            if index < input.count, (0x30...0x7E).contains(input[index]) { index += 1 }
            return index
        }
    }

    private static func indexAfterC1Control(_ control: UInt8, in input: UnsafeBufferPointer<UInt8>, bodyStart: Int) -> Int {
        switch control {
        case 0x9B: return indexAfterControlSequence(in: input, parametersStart: bodyStart)
        case 0x90, 0x98, 0x9D, 0x9E, 0x9F: return indexAfterStringSequence(in: input, bodyStart: bodyStart)
        default: return bodyStart
        }
    }

    /// CSI: parameter bytes 0x30–0x3F, intermediate bytes 0x20–0x2F, one final byte 0x40–0x7E. A byte
    /// outside these ends a malformed sequence without being consumed, so text after it survives.
    private static func indexAfterControlSequence(in input: UnsafeBufferPointer<UInt8>, parametersStart: Int) -> Int {
        var index = parametersStart
        while index < input.count, (0x20...0x3F).contains(input[index]) { index += 1 }
        if index < input.count, (0x40...0x7E).contains(input[index]) { index += 1 }
        return index
    }

    /// OSC, DCS, SOS, PM and APC end at BEL, `ESC \` or C1 ST. An unterminated one ends at the next line
    /// break rather than swallowing the rest of the text.
    private static func indexAfterStringSequence(in input: UnsafeBufferPointer<UInt8>, bodyStart: Int) -> Int {
        var index = bodyStart
        while index < input.count {
            let byte = input[index]
            if byte == bell { return index + 1 }
            if byte == 0x0A { return index }
            if byte == escape {
                let next = index + 1
                return next < input.count && input[next] == UInt8(ascii: "\\") ? next + 1 : index
            }
            if byte == c1Lead, index + 1 < input.count, input[index + 1] == 0x9C { return index + 2 }
            index += 1
        }
        return index
    }
}
