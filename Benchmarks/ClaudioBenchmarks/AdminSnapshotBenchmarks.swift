import Benchmark
import ClaudioBot
import Foundation
import Shared

/// The parts of `GET /v1/snapshot` that grow with load, in process, with 10 000 users in the rate limiter: picking
/// the 100 rows the snapshot carries, all 10 000 rows (`GET /v1/rate-limits`), and the JSON of 100 jobs with 100 or
/// with 10 000 rows.
func registerAdminSnapshotBenchmarks() {
    let userCount = 10_000
    let configuration = Benchmark.Configuration(metrics: [.wallClock, .mallocCountTotal, .throughput])

    let gateWithUsers: @Sendable () async -> Gate = {
        let users = (0..<userCount).map { ChatUser(platform: .telegram, id: String(10_000 + $0)) }
        let gate = Gate(
            allowLists: AllowLists(telegram: Set(users.compactMap { Int64($0.id) })), rateLimitRequests: 10,
            rateLimitWindow: .seconds(3_600), maxInputLength: 8)
        for user in users {
            _ = await gate.admitPrompt(InboundMessage(user: user, chatID: user.id, text: "hello", sentAt: Date()))
        }
        return gate
    }
    Benchmark("Admin snapshot: top 100 of 10 000 rate-limit rows", configuration: configuration) { _, gate in
        blackHole(await gate.topRateLimitEntries(limit: SnapshotResponse.rateLimitRowLimit))
    } setup: {
        await gateWithUsers()
    }
    Benchmark("Admin rate-limits: all 10 000 rows", configuration: configuration) { _, gate in
        blackHole(await gate.rateLimitEntries())
    } setup: {
        await gateWithUsers()
    }

    for rowCount in [SnapshotResponse.rateLimitRowLimit, userCount] {
        Benchmark("Admin snapshot: JSON of 100 jobs and \(rowCount) rate-limit rows", configuration: configuration) {
            _, snapshot in
            blackHole(try AdminJSON.encoder.encode(snapshot))
        } setup: {
            snapshotInputs(rateLimitRows: rowCount)
        }
    }
    // What the daemon serves: the same bytes, its rows written by hand (`SnapshotJSON`).
    Benchmark("Admin snapshot: served JSON of 100 jobs and 100 rate-limit rows", configuration: configuration) {
        _, snapshot in
        blackHole(try SnapshotJSON.encode(snapshot))
    } setup: {
        let inputs = snapshotInputs(rateLimitRows: SnapshotResponse.rateLimitRowLimit)
        return SnapshotResponse(
            status: StatusResponse(
                version: "bench", pid: 1, startedAt: Date(), uptimeSeconds: 1, channels: [], locks: [],
                limits: LimitsInfo(
                    rateLimitRequests: 10, rateLimitWindow: 3_600, commandTimeout: 1_800, maxInputLength: 8,
                    maxConcurrentJobs: 100),
                skipPermissions: true, allowedTools: "",
                claudeCLI: ClaudeCLIStatus(path: "/usr/local/bin/claude", version: "bench"),
                sandbox: SandboxStatus(mode: .off)),
            jobs: inputs.jobs, rateLimits: inputs.rateLimits, denied: [])
    }
}

private func snapshotInputs(rateLimitRows: Int) -> SnapshotInputs {
    let jobs = (0..<100).map { index in
        JobInfo(
            origin: JobOrigin(
                id: "job-\(index)", platform: .telegram, chatID: String(index), userID: String(index),
                username: "user\(index)", promptExcerpt: "SLEEP"),
            state: .running, pid: 10_000 + index, startedAt: Date(), elapsedSeconds: 12.5, processes: 3)
    }
    let rows = (0..<rateLimitRows).map { index in
        RateLimitInfo(
            platform: .telegram, userID: String(10_000 + index), used: 1, limit: 10, windowSeconds: 3_600,
            resetInSeconds: 3_000, rejected: 0)
    }
    return SnapshotInputs(jobs: jobs, rateLimits: rows)
}

private struct SnapshotInputs: Encodable {
    let jobs: [JobInfo]
    let rateLimits: [RateLimitInfo]
}
