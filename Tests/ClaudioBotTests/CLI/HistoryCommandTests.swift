import Foundation
import Shared
import Testing

@testable import ClaudioBot

@Suite("`claudio history`: a table of finished jobs, or the API's JSON")
struct HistoryCommandTests {
    static let start = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z

    @Test("one row per job: end, id, platform, user, outcome, exit code, duration, cost, tools, prompt; - when absent")
    func table() {
        let answer = HistoryResponse(jobs: [
            JobHistoryEntry(
                origin: JobOrigin(
                    id: "j2", platform: .slack, chatID: "C1", userID: "U7", username: "carol", promptExcerpt: "fix it"),
                startedAt: Self.start, endedAt: Self.start.addingTimeInterval(185), outcome: .ok, exitCode: 0,
                costUSD: 0.0025, toolsUsed: ["Read", "Edit"]),
            JobHistoryEntry(
                origin: JobOrigin(id: "j1", platform: .telegram, chatID: "5", userID: "42", promptExcerpt: "deploy"),
                startedAt: Self.start, endedAt: Self.start.addingTimeInterval(3), outcome: .cancelled),
        ])
        let lines = HistoryCommand.render(answer).split(separator: "\n").map {
            $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        }
        #expect(lines[0] == ["ENDED", "ID", "PLATFORM", "USER", "OUTCOME", "EXIT", "DURATION", "COST", "TOOLS", "PROMPT"])
        #expect(lines[1] == [
            "2026-01-01T00:03:05Z", "j2", "slack", "@carol", "ok", "0", "3m05s", "$0.0025", "Read,Edit", "fix", "it",
        ])
        #expect(lines[2] == ["2026-01-01T00:00:03Z", "j1", "telegram", "42", "cancelled", "-", "3s", "-", "-", "deploy"])
        #expect(HistoryCommand.render(HistoryResponse(jobs: [])) == "No finished jobs.")
    }

    @Test("a daemon that is not there exits 2 and says so")
    func unreachable() async throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let result = try await ClaudioBinary.run(
            ["history", "--socket", directory.path + "/none.sock"], environment: ["PATH": "/usr/bin:/bin"],
            in: directory.path)
        #expect(result.status.code == 2)
        #expect(result.standardErrorText.contains("no socket there"))
    }
}
