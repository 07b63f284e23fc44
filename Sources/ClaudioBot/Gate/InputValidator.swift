/// Step 4 of SPEC §4: refuses empty prompts and prompts longer than `MAX_INPUT_LENGTH`.
///
/// Length is counted in Unicode scalars, the unit `MAX_INPUT_LENGTH` is specified in: "é" written as e + combining
/// accent counts 2, a family emoji joined by ZWJs counts each of its scalars.
struct InputValidator: Sendable {
    /// `MAX_INPUT_LENGTH`; may change at runtime.
    var maxInputLength: Int

    init(maxInputLength: Int) {
        self.maxInputLength = maxInputLength
    }

    func validate(_ text: String) -> InputValidation {
        if text.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
            return .empty
        }
        let count = text.unicodeScalars.count
        if count > maxInputLength {
            return .tooLong(count: count, max: maxInputLength)
        }
        return .valid(prompt: text)
    }
}
