import Testing
import Shared
@testable import ClaudioBot

@Suite struct TextSanitizerTests {
    @Test func plainTextIsUnchanged() {
        let text = "Hello, wörld 👋🏽\n\tindented\n"
        #expect(TextSanitizer.clean(text) == text)
    }

    @Test func ansiColourAndCursorSequencesAreRemoved() {
        #expect(TextSanitizer.clean("\u{1B}[1;31mred\u{1B}[0m plain") == "red plain")
        #expect(TextSanitizer.clean("\u{1B}[38;5;208morange\u{1B}[39m") == "orange")
        #expect(TextSanitizer.clean("a\u{1B}[2Kb\u{1B}[10;20Hc\u{1B}[?25ld") == "abcd")
    }

    @Test func oscSequencesEndingInBellOrStringTerminatorAreRemoved() {
        #expect(TextSanitizer.clean("\u{1B}]0;window title\u{07}after") == "after")
        #expect(TextSanitizer.clean("\u{1B}]8;;https://example.com\u{1B}\\link\u{1B}]8;;\u{1B}\\") == "link")
        #expect(TextSanitizer.clean("\u{1B}Pdevice control\u{1B}\\x") == "x")
    }

    @Test func anUnterminatedOSCEndsAtTheLineBreak() {
        #expect(TextSanitizer.clean("\u{1B}]0;title without end\nnext line") == "\nnext line")
    }

    @Test func otherEscapeSequencesAreRemoved() {
        #expect(TextSanitizer.clean("a\u{1B}7b\u{1B}8c\u{1B}(Bd\u{1B}=e") == "abcde")
        #expect(TextSanitizer.clean("trailing escape\u{1B}") == "trailing escape")
        #expect(TextSanitizer.clean("cut CSI\u{1B}[12") == "cut CSI")
    }

    @Test func controlCharactersOtherThanNewlineAndTabAreRemoved() {
        #expect(TextSanitizer.clean("a\u{00}b\u{07}c\u{08}d\re\u{7F}f\n\tg") == "abcdef\n\tg")
        #expect(TextSanitizer.clean("windows\r\nline") == "windows\nline")
    }

    @Test func c1ControlsAreRemovedButLatin1LettersStay() {
        #expect(TextSanitizer.clean("a\u{85}b\u{9B}31mc\u{9D}title\u{9C}d\u{80}e") == "abcde")
        #expect(TextSanitizer.clean("é à ü \u{A0}ÿ") == "é à ü \u{A0}ÿ")
    }

    @Test func multibyteTextAroundEscapesSurvives() {
        #expect(TextSanitizer.clean("日本\u{1B}[32m語👩‍👩‍👧\u{1B}[0m") == "日本語👩‍👩‍👧")
    }

    @Test func excerptIsOneCollapsedTrimmedLine() {
        #expect(TextSanitizer.excerpt("  first line\n\n second\tline \r\n", limit: 100) == "first line second line")
        #expect(TextSanitizer.excerpt("\u{1B}[31mred\u{1B}[0m\u{00}!", limit: 100) == "red!")
        #expect(TextSanitizer.excerpt(" \n\t ", limit: 100) == "")
    }

    @Test func excerptIsCutToTheLimitEndingInEllipsis() {
        #expect(TextSanitizer.excerpt("abcdefghij", limit: 10) == "abcdefghij")
        #expect(TextSanitizer.excerpt("abcdefghijk", limit: 10) == "abcdefghi…")
        #expect(TextSanitizer.excerpt("abcd efgh ijkl", limit: 6) == "abcd…")
        #expect(TextSanitizer.excerpt("👋🏽👋🏽👋🏽👋🏽", limit: 3) == "👋🏽👋🏽…")
        #expect(TextSanitizer.excerpt("abc", limit: 0) == "")
    }

    @Test func excerptOfAHugeTextReadsOnlyItsHeadButStillMarksTheCut() {
        let huge = "head " + String(repeating: "x", count: 5_000_000)
        let excerpt = TextSanitizer.excerpt(huge, limit: 20)
        #expect(excerpt == "head xxxxxxxxxxxxxx…")
        let mostlyBlank = String(repeating: " \n", count: 1_000_000) + "tail"
        #expect(TextSanitizer.excerpt(mostlyBlank, limit: 20) == "tail")
    }

    @Test("a denied message's excerpt: controls and escapes gone, line breaks as spaces, bidi controls dropped, at most 100 characters")
    func deniedExcerpt() {
        func excerpt(_ text: String) -> String { TextSanitizer.excerpt(text, limit: DeniedRecord.maxExcerptLength) }
        #expect(excerpt("rm -rf /\r\nnow\tplease\u{07}\u{1B}[31m") == "rm -rf / now please")
        #expect(excerpt("a\u{2028}b\u{85}c\nd") == "a bc d", "U+2028 is a line break; NEL is a C1 control")
        #expect(excerpt("abc\u{202E}fed\u{2066}x") == "abcfedx", "bidi overrides cannot reorder the console")
        #expect(excerpt("héllo 👨‍👩‍👧") == "héllo 👨‍👩‍👧")
        #expect(excerpt(String(repeating: "x\u{0}", count: 10_000)) == String(repeating: "x", count: 99) + "…")
        #expect(excerpt(String(repeating: "é", count: 300)).count == 100)
    }
}
