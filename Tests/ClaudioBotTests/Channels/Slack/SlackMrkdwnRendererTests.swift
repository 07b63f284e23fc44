import Testing

@testable import ClaudioBot

@Suite("Slack mrkdwn rendering")
struct SlackMrkdwnRendererTests {
    @Test(
        "Markdown emphasis becomes Slack emphasis",
        arguments: [
            ("**bold**", "*bold*"),
            ("__bold__", "*bold*"),
            ("*italic*", "_italic_"),
            ("_italic_", "_italic_"),
            ("~~gone~~", "~gone~"),
            ("**bold _and italic_**", "*bold _and italic_*"),
            ("a *b **c** d* e", "a _b *c* d_ e"),
        ])
    func emphasis(markdown: String, expected: String) {
        #expect(SlackMrkdwnRenderer.render(markdown) == expected)
    }

    @Test("Links become <url|text>; only web and mail links are clickable")
    func links() {
        #expect(SlackMrkdwnRenderer.render("see [the docs](https://example.com/a?b=1&c=2)")
            == "see <https://example.com/a?b=1&c=2|the docs>")
        #expect(SlackMrkdwnRenderer.render("![diagram](https://example.com/d.png)") == "<https://example.com/d.png|diagram>")
        #expect(SlackMrkdwnRenderer.render("<https://example.com>") == "<https://example.com>")
        #expect(SlackMrkdwnRenderer.render("[a > b](https://x.test/p|q)") == "<https://x.test/p%7Cq|a &gt; b>")
        #expect(SlackMrkdwnRenderer.render("[click](javascript:alert(1))") == "click (javascript:alert(1))")
        #expect(SlackMrkdwnRenderer.render("[main.swift](./Sources/main.swift)") == "main.swift (./Sources/main.swift)")
    }

    @Test("Link labels are the link text without its Markdown; email autolinks become mailto links")
    func linkLabels() {
        #expect(
            SlackMrkdwnRenderer.render("[**bold** `code` _it_](https://x.test)") == "<https://x.test|bold code it>")
        #expect(SlackMrkdwnRenderer.render("<me@x.test>") == "<mailto:me@x.test|me@x.test>")
        #expect(SlackMrkdwnRenderer.render("***both***") == "*_both_*")
    }

    @Test("&, < and > are escaped outside links, so claude cannot ping @channel or disguise a link")
    func escaping() {
        #expect(SlackMrkdwnRenderer.render("a < b && c > d") == "a &lt; b &amp;&amp; c &gt; d")
        #expect(SlackMrkdwnRenderer.render("<!channel> <@U123>") == "&lt;!channel&gt; &lt;@U123&gt;")
        #expect(SlackMrkdwnRenderer.render("<http://evil.test|innocent>") == "<http://evil.test%7Cinnocent>")
        #expect(SlackMrkdwnRenderer.render("<javascript:alert(1)>") == "&lt;javascript:alert(1)&gt;")
    }

    @Test("Headings become bold lines; bullets, task items and rules get Slack-friendly symbols")
    func blocks() {
        let markdown = """
            # Summary
            ## **Step** two ##
            - first
            * second
              + nested
            - [ ] todo
            - [x] done
            1. numbered **one**
            ---
            > quoted **text**
            """
        let expected = """
            *Summary*
            *Step two*
            • first
            • second
              • nested
            ☐ todo
            ☑ done
            1. numbered *one*
            ──────────
            > quoted *text*
            """
        #expect(SlackMrkdwnRenderer.render(markdown) == expected)
    }

    @Test("Code blocks and inline code keep their content unformatted, escaped, without a language line")
    func code() {
        let markdown = """
            Run `**not bold**` first:
            ```swift
            let ok = a < b && **c**
            ```
            """
        let expected = """
            Run `**not bold**` first:
            ```
            let ok = a &lt; b &amp;&amp; **c**
            ```
            """
        #expect(SlackMrkdwnRenderer.render(markdown) == expected)
    }

    @Test("An unterminated code block is closed")
    func unterminatedFence() {
        #expect(SlackMrkdwnRenderer.render("```\nlet x = 1") == "```\nlet x = 1\n```")
    }

    @Test("Identifiers with underscores and stray markers stay as typed")
    func strayMarkers() {
        #expect(SlackMrkdwnRenderer.render("call my_func_name(a_b)") == "call my_func_name(a_b)")
        #expect(SlackMrkdwnRenderer.render("2 * 3 * 4 and a lone ** pair") == "2 * 3 * 4 and a lone ** pair")
        #expect(SlackMrkdwnRenderer.render("[not a link] (x)") == "[not a link] (x)")
    }

    @Test("Plain text escaping touches only the three control characters")
    func plainEscaping() {
        #expect(SlackMrkdwnRenderer.escaped("*x* <y> & _z_") == "*x* &lt;y&gt; &amp; _z_")
    }
}
