import Testing
@testable import ClaudioBot

@Suite struct ProgressSummaryTests {
    private func summary(_ name: String, _ input: [String: String] = [:]) -> String? {
        ProgressSummary.line(for: .toolUse(.init(name: name, input: input)))
    }

    @Test func builtInToolsShowTheirIconAndWhatTheyWorkOn() {
        #expect(summary("Bash", ["command": "ls -la"]) == "🔧 Bash: ls -la")
        #expect(summary("Read", ["file_path": "/etc/hosts"]) == "📖 Read: /etc/hosts")
        #expect(summary("Edit", ["file_path": "/src/a.swift"]) == "✏️ Edit: /src/a.swift")
        #expect(summary("Write", ["file_path": "/src/b.swift", "content": "x"]) == "📝 Write: /src/b.swift")
        #expect(summary("Grep", ["pattern": "TODO"]) == "🔍 Grep: TODO")
        #expect(summary("Glob", ["pattern": "**/*.swift"]) == "🗂️ Glob: **/*.swift")
        #expect(summary("WebFetch", ["url": "https://example.com"]) == "🌐 WebFetch: https://example.com")
        #expect(summary("WebSearch", ["query": "swift testing"]) == "🔎 WebSearch: swift testing")
        #expect(summary("Task", ["description": "Explore the repo"]) == "🤖 Task: Explore the repo")
    }

    @Test func otherToolsShowTheirName() {
        #expect(summary("mcp__github__create_issue", ["title": "x"]) == "🔧 mcp__github__create_issue")
        #expect(summary("Read") == "📖 Read")
        #expect(summary("") == "🔧 tool")
    }

    @Test func assistantTextShowsItsFirstNonBlankLine() {
        #expect(ProgressSummary.line(for: .assistantText("\n  \nLooking at the tests.\nMore.", isFromSubagent: false))
            == "💭 Looking at the tests.")
        #expect(ProgressSummary.line(for: .assistantText("\n \n", isFromSubagent: false)) == nil)
    }

    @Test func apiRetriesShowAttemptAndStatus() {
        #expect(ProgressSummary.line(for: .apiRetry(.init(attempt: 3, maxRetries: 10, errorStatus: 500)))
            == "🔁 API retry 3/10 (HTTP 500)")
        #expect(ProgressSummary.line(for: .apiRetry(.init(attempt: 2, maxRetries: 10, error: "connection_error")))
            == "🔁 API retry 2/10 (connection_error)")
        #expect(ProgressSummary.line(for: .apiRetry(.init(attempt: nil, maxRetries: nil))) == "🔁 API retry")
    }

    @Test func eventsThatAreNotActivityHaveNoSummary() {
        #expect(ProgressSummary.line(for: .sessionStarted(.init(sessionID: "s"))) == nil)
        #expect(ProgressSummary.line(for: .toolResult(.init(isError: true, excerpt: "boom"))) == nil)
        #expect(ProgressSummary.line(for: .result(.init(text: "done"))) == nil)
        #expect(ProgressSummary.line(for: .other(type: "system", subtype: "task_started")) == nil)
    }

    @Test func summariesAreOneCleanLineOfAtMost120Characters() throws {
        let command = "printf '\u{1B}[31mred\u{1B}[0m'\ncd /tmp &&\tmake " + String(repeating: "target ", count: 100)
        let line = try #require(summary("Bash", ["command": command]))
        #expect(line.count == ProgressSummary.maximumLength)
        #expect(line.hasPrefix("🔧 Bash: printf 'red' cd /tmp && make target"))
        #expect(line.hasSuffix("…"))
        #expect(!line.contains { $0.isNewline || $0 == "\t" || $0 == "\u{1B}" })
    }
}
