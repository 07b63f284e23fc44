/// Unguessable identifiers for tool requests and their buttons (SPEC §13: at least 64 random bits): 128 bits from the
/// system's generator, as 32 hex digits, so a forged or guessed button press matches nothing.
enum ApprovalToken {
    static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        let high = generator.next() as UInt64
        let low = generator.next() as UInt64
        return hex(high) + hex(low)
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
