import Glibc
import Testing
@testable import ClaudioBot

@Suite("ExecutableLocator")
struct ExecutableLocatorTests {
    @Test("resolves a bare name through the search path, first match wins")
    func resolvesThroughSearchPath() throws {
        let first = try ScratchDirectory()
        let second = try ScratchDirectory()
        defer {
            first.remove()
            second.remove()
        }
        try second.script("tool", "exit 0")
        let expected = try first.script("tool", "exit 0")
        #expect(ExecutableLocator.locate("tool", searchPath: "\(first.path):\(second.path)") == expected)
    }

    @Test("skips files that are not executable, directories, and relative PATH entries")
    func skipsNonExecutables() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let path = try scratch.script("plain", "exit 0")
        chmod(path, 0o644)
        mkdir("\(scratch.path)/folder", 0o755)
        #expect(ExecutableLocator.locate("plain", searchPath: scratch.path) == nil)
        #expect(ExecutableLocator.locate("folder", searchPath: scratch.path) == nil)
        #expect(ExecutableLocator.locate("sh", searchPath: ".:bin") == nil)
        #expect(ExecutableLocator.locate("no-such-tool-anywhere", searchPath: "/usr/bin:/bin") == nil)
    }

    @Test("a name with a slash is checked as a path; no PATH falls back to /bin:/usr/bin")
    func pathsAndDefaults() {
        #expect(ExecutableLocator.locate("/bin/sh", searchPath: "") == "/bin/sh")
        #expect(ExecutableLocator.locate("/no/such/file", searchPath: nil) == nil)
        #expect(ExecutableLocator.locate("sh", searchPath: nil) == "/bin/sh")
    }
}
