import Benchmark
import ClaudioBot
import Foundation
import Shared

/// The parts of `GET /v1/snapshot` that grow with load, in process: the gate's rate-limit rows for 10 000 users,
/// and the admin JSON of 100 jobs plus those rows.
func registerAdminSnapshotBenchmarks() {
    let userCount = 10_000
    let configuration = Benchmark.Configuration(metrics: [.wallClock, .mallocCountTotal, .throughput])

    Benchmark("Admin snapshot: rate-limit rows of 10 000 users", configuration: configuration) { _, gate in
        blackHole(await gate.rateLimitEntries())
    } setup: {
        let users = (0..<userCount).map { ChatUser(platform: .telegram, id: String(10_000 + $0)) }
        let gate = Gate(
            allowLists: AllowLists(telegram: Set(users.compactMap { Int64($0.id) })), rateLimitRequests: 10,
            rateLimitWindow: .seconds(3_600), maxInputLength: 8)
        for user in users {
            _ = await gate.admitPrompt(InboundMessage(user: user, chatID: user.id, text: "hello", sentAt: Date()))
        }
        return gate
    }

    Benchmark("Admin snapshot: JSON of 100 jobs and 10 000 rate-limit rows", configuration: configuration) {
        _, snapshot in
        blackHole(try AdminJSON.encoder.encode(snapshot))
    } setup: {
        let jobs = (0..<100).map { index in
            JobInfo(
                id: "job-\(index)", platform: .telegram, chatID: String(index), userID: String(index), username: "user\(index)",
                state: .running, pid: 10_000 + index, startedAt: Date(), elapsedSeconds: 12.5, processes: 3,
                promptExcerpt: "SLEEP")
        }
        let rows = (0..<userCount).map { index in
            RateLimitInfo(
                platform: .telegram, userID: String(10_000 + index), used: 1, limit: 10, windowSeconds: 3_600,
                resetInSeconds: 3_000, rejected: 0)
        }
        return SnapshotInputs(jobs: jobs, rateLimits: rows)
    }
}

private struct SnapshotInputs: Encodable {
    let jobs: [JobInfo]
    let rateLimits: [RateLimitInfo]
}
