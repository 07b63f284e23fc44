import FakeTelegram
import Testing

@testable import ClaudioBot

@Suite("Markdown to Telegram HTML")
struct TelegramHTMLRendererTests {
    @Test("<, > and & are escaped in text, code and code blocks")
    func escapesSpecialCharacters() {
        #expect(TelegramHTMLRenderer.render("a < b && c > d") == "a &lt; b &amp;&amp; c &gt; d")
        #expect(TelegramHTMLRenderer.render("use `<T>` here") == "use <code>&lt;T&gt;</code> here")
        #expect(
            TelegramHTMLRenderer.render("```\nif a < b && c {}\n```")
                == "<pre><code>if a &lt; b &amp;&amp; c {}</code></pre>")
        #expect(TelegramHTMLRenderer.render("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;")
    }

    @Test("a fenced code block keeps its language as a class and its lines as they are")
    func fencedCodeBlock() {
        let markdown = "Here:\n```swift\nlet x = 1\n  let **y** = 2\n```\nDone."
        #expect(
            TelegramHTMLRenderer.render(markdown)
                == "Here:\n<pre><code class=\"language-swift\">let x = 1\n  let **y** = 2</code></pre>\nDone.")
    }

    @Test("an unclosed fence runs to the end; a language with odd characters is dropped")
    func unclosedFenceAndOddLanguage() {
        #expect(TelegramHTMLRenderer.render("~~~\nabc") == "<pre><code>abc</code></pre>")
        #expect(TelegramHTMLRenderer.render("```a\"b\nx\n```") == "<pre><code>x</code></pre>")
    }

    @Test("bold, italic, strikethrough and inline code")
    func inlineFormatting() {
        #expect(TelegramHTMLRenderer.render("**bold** and __bold__") == "<b>bold</b> and <b>bold</b>")
        #expect(TelegramHTMLRenderer.render("*it* and _it_") == "<i>it</i> and <i>it</i>")
        #expect(TelegramHTMLRenderer.render("***both***") == "<b><i>both</i></b>")
        #expect(TelegramHTMLRenderer.render("~~gone~~") == "<s>gone</s>")
        #expect(TelegramHTMLRenderer.render("**bold with *italic* inside**") == "<b>bold with <i>italic</i> inside</b>")
    }

    @Test("snake_case, lone asterisks and unmatched delimiters stay literal")
    func literalDelimiters() {
        #expect(TelegramHTMLRenderer.render("call my_func_name now") == "call my_func_name now")
        #expect(TelegramHTMLRenderer.render("2 * 3 * 4") == "2 * 3 * 4")
        #expect(TelegramHTMLRenderer.render("**not closed") == "**not closed")
        #expect(TelegramHTMLRenderer.render("a ` tick") == "a ` tick")
        #expect(TelegramHTMLRenderer.render("\\*not italic\\*") == "*not italic*")
    }

    @Test("links become <a href>, with the URL escaped; other schemes stay text")
    func links() {
        #expect(
            TelegramHTMLRenderer.render("see [the docs](https://example.com/a?b=1&c=\"2\")")
                == "see <a href=\"https://example.com/a?b=1&amp;c=&quot;2&quot;\">the docs</a>")
        #expect(
            TelegramHTMLRenderer.render("[**bold** link](https://x.y)")
                == "<a href=\"https://x.y\"><b>bold</b> link</a>")
        #expect(TelegramHTMLRenderer.render("[x](javascript:alert(1))") == "[x](javascript:alert(1))")
    }

    @Test("headings become bold lines and bullets become •")
    func headingsAndBullets() {
        #expect(TelegramHTMLRenderer.render("## Result ##\n- one\n  * two") == "<b>Result</b>\n• one\n  • two")
        #expect(TelegramHTMLRenderer.render("#hashtag") == "#hashtag")
    }

    @Test("code inside bold or a link text is shown as text, since Telegram cannot nest code there")
    func noCodeInsideEntities() {
        #expect(TelegramHTMLRenderer.render("**run `ls`**") == "<b>run ls</b>")
        #expect(TelegramHTMLRenderer.render("# The `main` file") == "<b>The main file</b>")
        #expect(TelegramHTMLRenderer.render("[`x`](https://a.b)") == "<a href=\"https://a.b\">x</a>")
    }

    @Test("autolinks and images become links; quoted headings and bullets are rendered as unquoted ones")
    func commonMarkConstructs() {
        #expect(TelegramHTMLRenderer.render("<https://x.y>") == "<a href=\"https://x.y\">https://x.y</a>")
        #expect(TelegramHTMLRenderer.render("<ftp://x.y>") == "&lt;ftp://x.y&gt;")
        #expect(TelegramHTMLRenderer.render("![plot](https://x.y/p.png)") == "<a href=\"https://x.y/p.png\">plot</a>")
        #expect(TelegramHTMLRenderer.render("![plot](p.png)") == "![plot](p.png)")
        #expect(TelegramHTMLRenderer.render("[a](<https://x.y/a b>)") == "[a](&lt;https://x.y/a b&gt;)")
        #expect(TelegramHTMLRenderer.render("> # Title\n> - item") == "&gt; <b>Title</b>\n&gt; • item")
        #expect(TelegramHTMLRenderer.render("- - -") == "- - -")
    }

    @Test("a fence in a nested list item is code however deep it is indented, as the splitter sees it")
    func indentedFence() {
        #expect(
            TelegramHTMLRenderer.render("- a\n  - b\n    ```sh\n    make\n    ```")
                == "• a\n  • b\n<pre><code class=\"language-sh\">    make</code></pre>")
    }

    @Test("what the renderer produces is accepted by Telegram's HTML parser")
    func outputParses() throws {
        let samples = [
            "# Title\n**a** *b* `c` [d](https://e.f) ~~g~~ <h> & i\n```py\nprint('<>')\n```",
            "**unclosed *mixed** emphasis* `code **inside**` and **`code`**",
            "[a [nested] link](https://x.y/(z)) and [[double]](http://q)",
            "_a_b_ __c__d ***e** f*",
            "**[a](https://b.c) `d`** [`e` **f**](https://g.h) ![i [j](https://k.l)](https://m.n) <https://o.p>",
        ]
        for sample in samples {
            let html = TelegramHTMLRenderer.render(sample)
            let visible = try FakeTelegramHTML.visibleText(html)
            #expect(TelegramHTMLRenderer.visibleLength(ofHTML: html) == visible.utf16.count, "\(sample)")
        }
    }

    @Test("the visible length counts references as one character and tags as none")
    func visibleLength() {
        #expect(TelegramHTMLRenderer.visibleLength(ofHTML: "<b>a&lt;b</b>") == 3)
        #expect(TelegramHTMLRenderer.visibleLength(ofHTML: "😀") == 2)
    }
}
