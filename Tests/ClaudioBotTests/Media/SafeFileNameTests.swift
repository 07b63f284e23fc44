import Testing

@testable import ClaudioBot

@Suite("Upload names: a hostile name becomes a safe base name (SPEC §15)")
struct SafeFileNameTests {
    @Test(
        "path parts, dots, control and direction characters go",
        arguments: [
            ("../../x", "x"), ("/etc/passwd", "passwd"), (#"C:\Users\me\report.pdf"#, "report.pdf"),
            (".bashrc", "bashrc"), ("...hidden", "hidden"), ("a..b.txt", "a.b.txt"), ("notes.txt.", "notes.txt"),
            ("bell\u{07}name\u{00}.txt", "bellname.txt"), ("line\nbreak\r.md", "linebreak.md"),
            ("invoice\u{202E}fdp.exe", "invoicefdp.exe"), ("zero\u{200B}width.txt", "zerowidth.txt"),
            ("-rf", "_rf"), ("  spaced name .txt  ", "spaced name.txt"), ("résumé 📄.pdf", "résumé 📄.pdf"),
        ])
    func cleaned(_ hostile: String, _ expected: String) {
        #expect(SafeFileName.from(hostile) == expected)
    }

    @Test("nothing usable left is nil, so the caller picks a name", arguments: ["..", "/", "../..", "\u{01}\u{02}", " . "])
    func nothingLeft(_ hostile: String) {
        #expect(SafeFileName.from(hostile) == nil)
    }

    @Test("a 300-character name is cut to 120 characters, keeping its extension")
    func long() throws {
        let name = try #require(SafeFileName.from(String(repeating: "a", count: 296) + ".pdf"))
        #expect(name.count == 120 && name.hasSuffix("aaa.pdf"))
        let wide = try #require(SafeFileName.from(String(repeating: "😀", count: 300) + ".txt"))
        #expect(wide.count <= 120 && wide.utf8.count <= 240 && wide.hasSuffix(".txt"))
    }

    @Test("numbered names: name-2.ext, name-3.ext…, still within 120 characters")
    func numbered() {
        #expect(SafeFileName.numbered("report.pdf", 1) == "report.pdf")
        #expect(SafeFileName.numbered("report.pdf", 2) == "report-2.pdf")
        #expect(SafeFileName.numbered("Makefile", 3) == "Makefile-3")
        let long = String(repeating: "b", count: 116) + ".pdf"
        let second = SafeFileName.numbered(long, 12)
        #expect(second.count == 120 && second.hasSuffix("b-12.pdf"))
    }

    @Test("a cut that ends on a dot does not leave \"..\" before the extension")
    func cutOnDot() throws {
        let name = try #require(SafeFileName.from(String(repeating: "c", count: 115) + ".d.e.f.tar"))
        #expect(!name.contains("..") && name.hasSuffix(".tar"))
    }
}
