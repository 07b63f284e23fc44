import Testing

@testable import ClaudioBot

@Suite("Markdown blocks")
struct MarkdownBlockTests {
    private func blocks(_ markdown: String) -> [MarkdownBlock] {
        MarkdownBlockClassifier.blocks(of: markdown)
    }

    private func code(
        _ marker: String = "```", info: String = "", opening: Substring, lines: [Substring], closing: Substring?
    ) -> MarkdownBlock {
        .fencedCode(
            MarkdownCodeBlock(
                fence: CodeFence(marker: marker, info: info), openingLine: opening, lines: lines,
                closingLine: closing))
    }

    @Test("each line outside code is a heading, item, rule, quote, paragraph line or blank")
    func lineKinds() {
        let markdown = "## Title ##\n- item\n  * nested\n---\n> quoted\ntext\n   \n"
        #expect(
            blocks(markdown) == [
                .heading(level: 2, text: "Title"),
                .bulletItem(MarkdownListItem(indentation: "", marker: "-", content: "item")),
                .bulletItem(MarkdownListItem(indentation: "  ", marker: "*", content: "nested")),
                .thematicBreak("---"),
                .blockQuote(marker: "> ", content: .paragraphLine(indentation: "", text: "quoted")),
                .paragraphLine(indentation: "", text: "text"),
                .blank("   "),
                .blank(""),
            ])
    }

    @Test("ATX headings follow CommonMark: a space after the hashes, closing hashes only after a space")
    func headings() {
        #expect(blocks("#hashtag") == [.paragraphLine(indentation: "", text: "#hashtag")])
        #expect(blocks("# C#") == [.heading(level: 1, text: "C#")])
        #expect(blocks("### A ###   ") == [.heading(level: 3, text: "A")])
        #expect(blocks("#") == [.heading(level: 1, text: "")])
        #expect(blocks("####### seven") == [.paragraphLine(indentation: "", text: "####### seven")])
        // Four columns of indentation is an indented code block in CommonMark, shown as text here.
        #expect(blocks("    # no") == [.paragraphLine(indentation: "    ", text: "# no")])
        #expect(blocks("\t# no") == [.paragraphLine(indentation: "\t", text: "# no")])
    }

    @Test("a thematic break wins over a list item, and a quote holds a line of any other kind")
    func rulesAndQuotes() {
        #expect(blocks("* * *") == [.thematicBreak("* * *")])
        #expect(blocks(" - - -") == [.thematicBreak(" - - -")])
        #expect(blocks("> # Title") == [.blockQuote(marker: "> ", content: .heading(level: 1, text: "Title"))])
        let quotedText = MarkdownBlock.blockQuote(marker: "> ", content: .paragraphLine(indentation: "", text: "x"))
        #expect(blocks(">> x") == [.blockQuote(marker: ">", content: quotedText)])
    }

    @Test("task items expose their checkbox; other items do not")
    func taskItems() throws {
        guard case .bulletItem(let open) = blocks("- [ ] todo")[0],
            case .bulletItem(let done) = blocks("* [X] done")[0],
            case .bulletItem(let plain) = blocks("- [link](x)")[0]
        else {
            Issue.record("not list items")
            return
        }
        let openTask = try #require(open.task)
        #expect(!openTask.isDone && openTask.text == "todo")
        let doneTask = try #require(done.task)
        #expect(doneTask.isDone && doneTask.text == "done")
        #expect(plain.task == nil)
    }

    @Test("a fence indented inside a list item opens a block, closed by its indented fence")
    func fenceInsideListItem() {
        let markdown = "- build it:\n    ```sh\n    make\n    ```\n- then run it"
        #expect(
            blocks(markdown) == [
                .bulletItem(MarkdownListItem(indentation: "", marker: "-", content: "build it:")),
                code(info: "sh", opening: "    ```sh", lines: ["    make"], closing: "    ```"),
                .bulletItem(MarkdownListItem(indentation: "", marker: "-", content: "then run it")),
            ])
    }

    @Test("a backtick line whose info string has a backtick is inline code, not a fence")
    func backtickInInfoString() {
        #expect(
            blocks("```a`b\ntext") == [
                .paragraphLine(indentation: "", text: "```a`b"), .paragraphLine(indentation: "", text: "text"),
            ])
        // A tilde fence may have one.
        #expect(blocks("~~~a`b\nx\n~~~") == [code("~~~", info: "a`b", opening: "~~~a`b", lines: ["x"], closing: "~~~")])
    }

    @Test("a fence closes only with its own character, at least as many, and nothing after")
    func closingFences() {
        #expect(
            blocks("~~~python\nprint(\"```\")\n```\n~~~~\nafter") == [
                code("~~~", info: "python", opening: "~~~python", lines: ["print(\"```\")", "```"], closing: "~~~~"),
                .paragraphLine(indentation: "", text: "after"),
            ])
        #expect(
            blocks("````\n```\n```` x\n`````") == [
                code("````", opening: "````", lines: ["```", "```` x"], closing: "`````")
            ])
    }

    @Test("an unclosed fence runs to the end of the text")
    func unclosedFence() {
        #expect(
            blocks("intro\n```swift\nlet a = 1\n") == [
                .paragraphLine(indentation: "", text: "intro"),
                code(info: "swift", opening: "```swift", lines: ["let a = 1", ""], closing: nil),
            ])
    }

    @Test("the language is the info string's first word")
    func language() {
        #expect(CodeFence(openingLine: "``` swift  title=\"x\"")?.language == "swift")
        #expect(CodeFence(openingLine: "```")?.language == nil)
    }

    /// Twelve numbered lines, short enough that the splitter breaks between lines.
    private static func numberedLines(_ prefix: String) -> String {
        (1...12).map { "\(prefix)\($0)" }.joined(separator: "\n")
    }

    /// Texts whose fences are easy to get wrong.
    static let fencedTexts: [String] = [
        "- step:\n    ```sh\n" + numberedLines("    echo ") + "\n    ```\n- done",
        "```a`b\n" + numberedLines("not code ") + "\n```\nx",
        "~~~\n" + numberedLines("```line ") + "\n~~~\nafter",
        "````md\n```\n" + numberedLines("inner ") + "\n```\n````\nend",
        "text\n```py\n" + numberedLines("print "),
    ]

    /// The split parts, classified one by one as the renderers do, hold exactly the code lines of the whole text,
    /// and only the last part may leave a block open: every fence the splitter closed or reopened is one to the
    /// classifier, and no line it took for text is code to the classifier.
    @Test("the splitter and the classifier agree on fences", arguments: fencedTexts)
    func splitterAndClassifierAgree(text: String) {
        func codeLines(_ markdown: String) -> [Substring] {
            MarkdownBlockClassifier.blocks(of: markdown).flatMap { block -> [Substring] in
                guard case .fencedCode(let codeBlock) = block else { return [] }
                return codeBlock.lines
            }
        }
        let parts = MessageSplitter(limit: 60, unit: .characters).split(text)
        #expect(parts.count > 2)
        #expect(parts.flatMap(codeLines) == codeLines(text))
        for part in parts.dropLast() {
            let unclosed = MarkdownBlockClassifier.blocks(of: part).contains { block in
                if case .fencedCode(let codeBlock) = block { return codeBlock.closingLine == nil }
                return false
            }
            #expect(!unclosed, "\(part)")
        }
    }
}
