import CNCursesW

/// Turns what `wget_wch` returned into a ``KeyPress``.
enum KeyDecoder {
    /// What one read produced.
    enum Input: Equatable {
        case key(KeyPress)
        /// ncurses noticed SIGWINCH and resized its screen.
        case resize
        /// A key the console has no use for.
        case ignored
    }

    /// - Parameters:
    ///   - result: `wget_wch`'s return: `OK` for a character, `KEY_CODE_YES` for a function key.
    ///   - code: the character or key code it stored.
    static func decode(result: Int32, code: UInt32) -> Input {
        if result == cnc_key_code_yes() { return decodeKeyCode(Int32(bitPattern: code)) }
        switch code {
        case 0x09: return .key(.tab)
        case 0x0A, 0x0D: return .key(.enter)
        case 0x1B: return .key(.escape)
        case 0x7F, 0x08: return .key(.backspace)
        default:
            guard let scalar = Unicode.Scalar(code) else { return .ignored }
            return .key(.character(Character(scalar)))
        }
    }

    private static func decodeKeyCode(_ code: Int32) -> Input {
        switch code {
        case cnc_key_resize(): return .resize
        case cnc_key_up(): return .key(.up)
        case cnc_key_down(): return .key(.down)
        case cnc_key_ppage(): return .key(.pageUp)
        case cnc_key_npage(): return .key(.pageDown)
        case cnc_key_home(): return .key(.home)
        case cnc_key_end(): return .key(.end)
        case cnc_key_btab(): return .key(.backTab)
        case cnc_key_enter(): return .key(.enter)
        case cnc_key_backspace(): return .key(.backspace)
        default:
            for number in 1...12 where code == cnc_key_f(Int32(number)) { return .key(.function(number)) }
            return .ignored
        }
    }
}
