import Testing

@testable import ClaudioBot

@Suite("Slack inbound text")
struct SlackInboundTextTests {
    private func plain(_ text: String) -> String {
        SlackInboundText.plain(text, removingMentionsOf: "UBOT")
    }

    @Test(
        "Mentions of the bot are removed without leaving stray spaces or the address colon",
        arguments: [
            ("<@UBOT> list the files", "list the files"),
            ("<@UBOT>: list the files", "list the files"),
            ("please <@UBOT> list the files", "please list the files"),
            ("list the files <@UBOT>", "list the files"),
            ("<@UBOT|claudio> hi", "hi"),
            ("<@UBOT>", ""),
        ])
    func botMentions(text: String, expected: String) {
        #expect(plain(text) == expected)
    }

    @Test("Other control sequences become what the user saw")
    func otherSequences() {
        #expect(plain("<@UBOT> ask <@U0ALICE> in <#C123|general>") == "ask @U0ALICE in #general")
        #expect(plain("<@UBOT> fetch <http://example.com|example.com>") == "fetch example.com")
        #expect(plain("<@UBOT> open <https://example.com/a|the page>") == "open the page (https://example.com/a)")
        #expect(plain("<@UBOT> read <https://example.com/raw>") == "read https://example.com/raw")
        #expect(plain("tell <!here>") == "tell @here")
    }

    @Test("Slack's HTML escapes are undone")
    func unescaping() {
        #expect(plain("<@UBOT> is 1 &lt; 2 &amp;&amp; 3 &gt; 2?") == "is 1 < 2 && 3 > 2?")
        #expect(plain("&amp;lt; stays literal") == "&lt; stays literal")
    }

    @Test("A lone < without a closing > is kept")
    func unbalanced() {
        #expect(plain("a <b") == "a <b")
    }
}
