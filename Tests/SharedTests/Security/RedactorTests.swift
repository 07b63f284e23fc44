import Foundation
import Testing

@testable import Shared

@Suite struct RedactorTests {
    private let token = "123456789:AAHsecretBotToken-abcdefghijklmnopqrstu"

    @Test func everyOccurrenceOfEverySecretIsReplaced() {
        let redactor = Redactor(secrets: [token, "xapp-1-secret"])
        let text = "GET /bot\(token)/getUpdates then /bot\(token)/sendMessage with xapp-1-secret"
        #expect(redactor.redact(text) == "GET /bot‹redacted›/getUpdates then /bot‹redacted›/sendMessage with ‹redacted›")
    }

    @Test func percentEncodedSecretsAreReplacedToo() {
        let redactor = Redactor(secrets: [token])
        let encoded = token.replacingOccurrences(of: ":", with: "%3A")
        #expect(redactor.redact("/bot\(encoded)/x") == "/bot‹redacted›/x")
        let lowerEscape = token.replacingOccurrences(of: ":", with: "%3a")
        #expect(redactor.redact("/bot\(lowerEscape)/x") == "/bot‹redacted›/x")
    }

    @Test func aSecretContainingAnotherIsReplacedWhole() {
        let redactor = Redactor(secrets: ["abcd", "abcdefgh"])
        #expect(redactor.redact("key=abcdefgh") == "key=‹redacted›")
    }

    @Test func emptySecretsAreIgnored() {
        let redactor = Redactor(secrets: ["", "s3cr3t-value"])
        #expect(redactor.redact("plain text") == "plain text")
        #expect(Redactor.none.redact("plain text") == "plain text")
    }

    @Test func maskShowsOnlyAShortPrefixAndTheLength() {
        #expect(Redactor.mask(token) == "1234…(\(token.count) chars)")
        #expect(Redactor.mask("xoxb-1234-5678-abcdefghijkl") == "xoxb-…(27 chars)")
        #expect(Redactor.mask("short") == "…(5 chars)")
    }

    @Test func printingARedactorShowsNoSecret() {
        let redactor = Redactor(secrets: [token])
        for text in [String(describing: redactor), String(reflecting: redactor), "\(redactor)"] {
            #expect(!text.contains(token))
            #expect(!text.contains("AAHsecret"))
        }
        var dumped = ""
        dump(redactor, to: &dumped)
        #expect(!dumped.contains("AAHsecret"))
    }

    @Test func addingKeepsTheEarlierSecrets() {
        let redactor = Redactor(secrets: ["first-secret"]).adding(["second-secret"])
        #expect(redactor.redact("first-secret second-secret") == "‹redacted› ‹redacted›")
    }
}
