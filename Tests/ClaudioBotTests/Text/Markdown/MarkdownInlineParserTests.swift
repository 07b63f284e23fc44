import Testing

@testable import ClaudioBot

@Suite("Markdown inline parser")
struct MarkdownInlineParserTests {
    private func parse(_ line: String) -> [MarkdownInline] {
        MarkdownInlineParser.parse(line)
    }

    /// A link whose target was written `(destination)` unless `source` says otherwise.
    private func link(
        _ children: [MarkdownInline], to destination: String, title: String? = nil, source: String? = nil
    ) -> MarkdownInline {
        .link(
            MarkdownLink(
                isImage: false, children: children, destination: destination, title: title,
                targetSource: source ?? "(\(destination))"))
    }

    @Test("plain text is one node; backslash escapes make punctuation literal and nothing else")
    func textAndEscapes() {
        #expect(parse("just words") == [.text("just words")])
        #expect(parse(#"\*not\* \_em\_ \a"#) == [.text(#"*not* _em_ \a"#)])
        #expect(parse("") == [])
    }

    @Test("code spans bind tightest: a * or [ inside one is code, and their padding space is dropped")
    func codeSpans() {
        #expect(parse("`a*b*c`") == [.code("a*b*c")])
        #expect(parse("*a `*` b*") == [.emphasis([.text("a "), .code("*"), .text(" b")])])
        #expect(parse("`` a`b ``") == [.code("a`b")])
        #expect(parse("`[x](https://a.b)`") == [.code("[x](https://a.b)")])
        #expect(parse("a ` tick, ``two") == [.text("a ` tick, ``two")])
        #expect(parse("a ` tick and ``two` `") == [.text("a "), .code(" tick and ``two"), .text(" `")])
        #expect(parse(#"`\*`"#) == [.code(#"\*"#)])
    }

    @Test("emphasis nests as CommonMark pairs its delimiter runs")
    func nestedEmphasis() {
        #expect(parse("*a **b** c*") == [.emphasis([.text("a "), .strong([.text("b")]), .text(" c")])])
        #expect(parse("**a *b* c**") == [.strong([.text("a "), .emphasis([.text("b")]), .text(" c")])])
        #expect(parse("_a __b__ c_") == [.emphasis([.text("a "), .strong([.text("b")]), .text(" c")])])
        #expect(parse("***a** b*") == [.emphasis([.strong([.text("a")]), .text(" b")])])
        #expect(parse("~~a *b*~~") == [.strikethrough([.text("a "), .emphasis([.text("b")])])])
    }

    @Test("***both*** is bold around italic")
    func boldItalic() {
        #expect(parse("***both***") == [.strong([.emphasis([.text("both")])])])
    }

    @Test("underscores inside words, lone and unmatched delimiters stay text")
    func literalDelimiters() {
        #expect(parse("snake_case_name") == [.text("snake_case_name")])
        #expect(parse("2 * 3 * 4") == [.text("2 * 3 * 4")])
        #expect(parse("**not closed") == [.text("**not closed")])
        #expect(parse("2*3*4") == [.text("2"), .emphasis([.text("3")]), .text("4")])
        #expect(parse("~single~ and ~~~three~~~") == [.text("~single~ and ~~~three~~~")])
    }

    @Test("links: balanced parentheses in the URL, titles, <destinations>, formatted text")
    func links() {
        let wikipedia = "https://en.wikipedia.org/wiki/Swift_(programming_language)"
        #expect(parse("[Swift](\(wikipedia))") == [link([.text("Swift")], to: wikipedia)])
        let titled = link([.text("a")], to: "https://x.y", title: "The title", source: #"(https://x.y "The title")"#)
        #expect(parse(#"[a](https://x.y "The title") b"#) == [titled, .text(" b")])
        let bracketed = link([.text("a")], to: "https://x.y/a b", source: "(<https://x.y/a b>)")
        #expect(parse("[a](<https://x.y/a b>)") == [bracketed])
        #expect(
            parse("[**bold** `code`](https://x.y)")
                == [link([.strong([.text("bold")]), .text(" "), .code("code")], to: "https://x.y")])
        #expect(parse("[empty]()") == [link([.text("empty")], to: "")])
    }

    @Test("what is not a link stays text, and emphasis cannot cross a link's brackets")
    func notLinks() {
        #expect(parse("[not a link] (x)") == [.text("[not a link] (x)")])
        #expect(parse("[a](https://x.y unquoted)") == [.text("[a](https://x.y unquoted)")])
        #expect(parse("[a](https://x.y/(open)") == [.text("[a](https://x.y/(open)")])
        #expect(parse("*[a*](https://x.y)") == [.text("*"), link([.text("a*")], to: "https://x.y")])
    }

    @Test("a link cannot contain a link; the inner one is made and the outer brackets are text")
    func noLinksInLinks() {
        #expect(
            parse("[a [b](https://in) c](https://out)")
                == [.text("[a "), link([.text("b")], to: "https://in"), .text(" c](https://out)")])
    }

    @Test("images are links marked as images, their description parsed like a link text")
    func images() {
        #expect(
            parse("![a *diagram*](https://x.y/d.png)")
                == [.link(
                    MarkdownLink(
                        isImage: true, children: [.text("a "), .emphasis([.text("diagram")])],
                        destination: "https://x.y/d.png", title: nil, targetSource: "(https://x.y/d.png)"))])
        #expect(parse("wow! [x]") == [.text("wow! [x]")])
    }

    @Test("autolinks take an absolute URI or an email address; other angle brackets are text")
    func autolinks() {
        #expect(
            parse("see <https://x.y/a?b|c>") == [
                .text("see "), .autolink(MarkdownAutolink(destination: "https://x.y/a?b|c", text: "https://x.y/a?b|c")),
            ])
        let email = MarkdownAutolink(destination: "mailto:me@example.com", text: "me@example.com")
        #expect(parse("<me@example.com>") == [.autolink(email)])
        #expect(parse("<@U123> <!channel> <b>x</b> a < b > c") == [.text("<@U123> <!channel> <b>x</b> a < b > c")])
        #expect(parse("<https://x.y/a b>") == [.text("<https://x.y/a b>")])
    }

    @Test("plain text drops the Markdown and keeps what a reader sees")
    func plainText() {
        let nodes = parse("**bold** `code` [link *text*](https://x.y) <https://a.b>")
        #expect(nodes.plainText == "bold code link text https://a.b")
    }
}
