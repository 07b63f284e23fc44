import CNCursesW
import Testing

@testable import ClaudioTUI

@Suite("Decoding wget_wch results into keys, and the colour choice")
struct KeyDecoderTests {
    private static let ok: Int32 = 0

    @Test("characters, Tab, Enter and Escape arrive as typed characters")
    func characters() {
        #expect(KeyDecoder.decode(result: Self.ok, code: 0x71) == .key(.character("q")))
        #expect(KeyDecoder.decode(result: Self.ok, code: 0x3F) == .key(.character("?")))
        #expect(KeyDecoder.decode(result: Self.ok, code: 0x6F22) == .key(.character("漢")))
        #expect(KeyDecoder.decode(result: Self.ok, code: 0x09) == .key(.tab))
        #expect(KeyDecoder.decode(result: Self.ok, code: 0x0D) == .key(.enter))
        #expect(KeyDecoder.decode(result: Self.ok, code: 0x1B) == .key(.escape))
        #expect(KeyDecoder.decode(result: Self.ok, code: 0x7F) == .key(.backspace))
        #expect(KeyDecoder.decode(result: Self.ok, code: 0x08) == .key(.backspace))
    }

    @Test("function keys, arrows, pages and KEY_RESIZE arrive as key codes")
    func keyCodes() {
        let yes = cnc_key_code_yes()
        func code(_ value: Int32) -> UInt32 { UInt32(bitPattern: value) }
        #expect(KeyDecoder.decode(result: yes, code: code(cnc_key_up())) == .key(.up))
        #expect(KeyDecoder.decode(result: yes, code: code(cnc_key_npage())) == .key(.pageDown))
        #expect(KeyDecoder.decode(result: yes, code: code(cnc_key_btab())) == .key(.backTab))
        #expect(KeyDecoder.decode(result: yes, code: code(cnc_key_f(1))) == .key(.function(1)))
        #expect(KeyDecoder.decode(result: yes, code: code(cnc_key_f(9))) == .key(.function(9)))
        #expect(KeyDecoder.decode(result: yes, code: code(cnc_key_f(10))) == .key(.function(10)))
        #expect(KeyDecoder.decode(result: yes, code: code(cnc_key_resize())) == .resize)
        #expect(KeyDecoder.decode(result: yes, code: code(cnc_key_backspace())) == .key(.backspace))
    }

    @Test("NO_COLOR set to anything but the empty string means monochrome")
    func noColor() {
        #expect(ColorMode.preferred(environment: [:]) == .colors)
        #expect(ColorMode.preferred(environment: ["NO_COLOR": ""]) == .colors)
        #expect(ColorMode.preferred(environment: ["NO_COLOR": "1"]) == .monochrome)
    }
}
