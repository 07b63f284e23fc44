import Foundation
import Shared
import Testing

@testable import ClaudioBot

@Suite("The snapshot's JSON: written by hand for its rows, byte for byte what the admin API's encoder writes")
struct SnapshotJSONTests {
    /// Text a job's prompt or a user's name can carry: every control character, quotes, backslashes, slashes,
    /// accents, emoji, line and paragraph separators, a byte-order mark.
    static let awkwardText: String = {
        var text = String(decoding: (0..<0x20).map { UInt8($0) }, as: UTF8.self)
        text += "\"quoted\" back\\slash /path/ é 🙂 \u{7f} \u{2028} \u{2029} \u{feff} ✓"
        return text
    }()

    static let jobs: [JobInfo] = [
        JobInfo(
            origin: JobOrigin(
                id: "job-1", platform: .telegram, chatID: "-1001234567890", userID: "9007199254740993",
                username: awkwardText, promptExcerpt: awkwardText),
            state: .waitingApproval, pid: 4242, startedAt: Date(timeIntervalSince1970: 1_764_507_809.999),
            elapsedSeconds: 100.0 / 3, processes: 7, sandboxed: true, cpuPercent: 0.1 + 0.2, rssBytes: 40_960),
        JobInfo(
            origin: JobOrigin(id: "job-2", platform: .slack, chatID: "C123", userID: "U123", promptExcerpt: ""),
            state: .queued, startedAt: Date(timeIntervalSince1970: -0.5), elapsedSeconds: 0, processes: 0),
        JobInfo(
            origin: JobOrigin(id: "job-3", platform: .telegram, chatID: "1", userID: "1", promptExcerpt: "SLEEP"),
            state: .running, pid: 1, startedAt: Date(timeIntervalSince1970: 4_102_444_799.5), elapsedSeconds: 1e-7,
            processes: 1, cpuPercent: 1e21, rssBytes: 0),
    ]

    static let rateLimits: [RateLimitInfo] = [
        RateLimitInfo(
            platform: .telegram, userID: "42", username: awkwardText, used: 10, limit: 10, windowSeconds: 60,
            resetInSeconds: 17, rejected: 2, costTodayUSD: 0.0123),
        RateLimitInfo(
            platform: .slack, userID: "U9", used: 1, limit: 5, windowSeconds: 0.5, resetInSeconds: 1, rejected: 0),
        RateLimitInfo(
            platform: .telegram, userID: "7", used: 0, limit: 1, windowSeconds: 1.234_567_890_123_456_8e17,
            resetInSeconds: 3_600, rejected: 9, costTodayUSD: .leastNonzeroMagnitude),
    ]

    static let denied: [DeniedRecord] = [
        FakeAdminBackend.deniedRecord,
        DeniedRecord(
            id: "d2", at: Date(timeIntervalSince1970: 1_764_507_809.25), lastAt: Date(timeIntervalSince1970: 0),
            platform: .slack, userID: "U666", chatID: "C1", reason: .otherWorkspace, excerpt: awkwardText, count: 1),
    ]

    static let history: [JobHistoryEntry] = [
        FakeAdminBackend.historyEntry,
        JobHistoryEntry(
            origin: JobOrigin(id: "j9", platform: .slack, chatID: "C1", userID: "U1", promptExcerpt: awkwardText),
            startedAt: Date(timeIntervalSince1970: 1_764_507_809.75),
            endedAt: Date(timeIntervalSince1970: 1_764_507_800),
            outcome: .killed, exitCode: -9, toolsUsed: [awkwardText, "mcp__claudio__send_file"]),
        JobHistoryEntry(
            origin: JobOrigin(id: "j10", platform: .telegram, chatID: "5", userID: "5", promptExcerpt: "x"),
            startedAt: Date(timeIntervalSince1970: 1_764_507_800.5),
            endedAt: Date(timeIntervalSince1970: 1_764_507_900),
            outcome: .timeout, costUSD: 1e-7),
    ]

    static func snapshot(jobs: [JobInfo] = jobs, rateLimits: [RateLimitInfo] = rateLimits) -> SnapshotResponse {
        SnapshotResponse(
            status: FakeAdminBackend.statusAnswer, jobs: jobs, rateLimits: rateLimits, rateLimitsTotal: 10_000,
            denied: denied, history: history)
    }

    @Test("a snapshot with awkward text, absent values, fractional and early dates, tiny and huge numbers")
    func sameBytesAsTheEncoder() throws {
        let snapshot = Self.snapshot()
        let written = try SnapshotJSON.encode(snapshot)
        let encoded = Array(try AdminJSON.encoder.encode(snapshot))
        #expect(String(decoding: written, as: UTF8.self) == String(decoding: encoded, as: UTF8.self))
        #expect(written == encoded)
    }

    @Test("an empty snapshot")
    func emptySnapshot() throws {
        let snapshot = SnapshotResponse(
            status: FakeAdminBackend.statusAnswer, jobs: [], rateLimits: [], denied: [], history: [])
        #expect(try SnapshotJSON.encode(snapshot) == Array(try AdminJSON.encoder.encode(snapshot)))
    }

    @Test("a number JSON cannot carry is refused, as the encoder refuses it")
    func nonFiniteNumbersThrow() {
        var job = Self.jobs[0]
        job.cpuPercent = .infinity
        #expect(throws: EncodingError.self) { try SnapshotJSON.encode(Self.snapshot(jobs: [job])) }
        var row = Self.rateLimits[0]
        row.windowSeconds = .nan
        #expect(throws: EncodingError.self) { try SnapshotJSON.encode(Self.snapshot(rateLimits: [row])) }
    }

    @Test("numbers and dates as the encoder writes them", arguments: [
        0, 1, -3, 12.5, 0.1 + 0.2, 100.0 / 3, 1e-7, 1e21, 1.234_567_890_123_456_8e17, .leastNonzeroMagnitude,
        .greatestFiniteMagnitude, -0.0,
    ])
    func numbers(value: Double) throws {
        let date = Date(timeIntervalSince1970: value.magnitude < 1e11 ? value : 0)
        var writer = AdminJSONWriter()
        try writer.double(value)
        writer.ascii(",")
        writer.date(date)
        let number = String(decoding: try AdminJSON.encoder.encode([value]).dropFirst().dropLast(), as: UTF8.self)
        let encodedDate = String(decoding: try AdminJSON.encoder.encode([date]).dropFirst().dropLast(), as: UTF8.self)
        #expect(String(decoding: writer.bytes, as: UTF8.self) == "\(number),\(encodedDate)")
    }
}
