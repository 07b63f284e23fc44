import Testing

@testable import ClaudioBot

@Suite("Input validation: empty prompts and length in Unicode scalars")
struct InputValidatorTests {
    @Test("empty and whitespace-only text asks for a prompt", arguments: ["", " ", "\n\t  \r\n", "\u{3000}\u{00A0}"])
    func empty(text: String) {
        let result = InputValidator(maxInputLength: 100).validate(text)
        #expect(result == .empty)
        #expect(result.reply == "Please send a prompt — the message was empty.")
    }

    @Test("a prompt at the limit passes unchanged")
    func atLimit() {
        let text = "  " + String(repeating: "a", count: 8)
        #expect(InputValidator(maxInputLength: 10).validate(text) == .valid(prompt: text))
    }

    @Test("one scalar over the limit is refused with the exact count")
    func overLimit() {
        let result = InputValidator(maxInputLength: 10).validate(String(repeating: "a", count: 11))
        #expect(result == .tooLong(count: 11, max: 10))
        #expect(result.reply == "❌ Message too long: 11 characters (max 10).")
    }

    @Test(
        "length counts Unicode scalars: combining marks, ZWJ emoji and flags count each scalar",
        arguments: [
            ("e\u{301}", 2),                          // é as e + combining acute
            ("\u{E9}", 1),                            // é precomposed
            ("👨‍👩‍👧", 5),                                // man, ZWJ, woman, ZWJ, girl
            ("🇫🇷", 2),                                 // two regional indicators
            ("👍🏽", 2),                                 // thumbs up + skin tone
            ("Z\u{351}\u{36B}\u{343}", 4),            // a letter with three combining marks
        ]
    )
    func scalarCount(text: String, scalars: Int) {
        let validator = InputValidator(maxInputLength: scalars - 1)
        #expect(validator.validate(text) == .tooLong(count: scalars, max: scalars - 1))
        #expect(InputValidator(maxInputLength: scalars).validate(text) == .valid(prompt: text))
    }

    @Test("the reply for a long emoji message names its scalar count")
    func emojiReply() {
        let text = String(repeating: "👨‍👩‍👧", count: 3)  // 3 characters, 15 scalars
        #expect(InputValidator(maxInputLength: 10).validate(text).reply == "❌ Message too long: 15 characters (max 10).")
    }
}
