import Benchmark
import FakeTelegram
import Foundation
import GRDB

/// 10 000 messages from 100 unauthorized users (interleaved) reach the daemon's long poll at once. Measured: updates
/// handled per second (until the denied-access counts add up to 10 000), RSS before and after, the denied rows the
/// state database holds afterwards, and the access-denied replies sent.
func registerFloodBenchmark() {
    let messageCount = 10_000
    let senderCount = 100
    let rate = BenchmarkMetric.custom("updates handled per second", polarity: .prefersLarger, useScalingFactor: false)
    let rssBefore = BenchmarkMetric.custom("RSS before (KiB)", useScalingFactor: false)
    let rssGrowth = BenchmarkMetric.custom("RSS growth (KiB)", useScalingFactor: false)
    let rows = BenchmarkMetric.custom("denied rows written", useScalingFactor: false)
    let replies = BenchmarkMetric.custom("denial replies sent", useScalingFactor: false)

    Benchmark(
        "Daemon: flood of 10 000 unauthorized messages",
        configuration: .oneRun(metrics: [rate, rssBefore, rssGrowth, rows, replies])
    ) { benchmark in
        for _ in 0..<3 {
            let flood = try await FakeTelegramServer.withServer { server in
                try await measureFlood(of: messageCount, from: senderCount, server: server)
            }
            benchmark.measurement(rate, flood.updatesPerSecond)
            benchmark.measurement(rssBefore, flood.residentBeforeKiB)
            benchmark.measurement(rssGrowth, flood.residentGrowthKiB)
            benchmark.measurement(rows, flood.deniedRows)
            benchmark.measurement(replies, flood.denialReplies)
        }
    }
}

private struct FloodFigures: Sendable {
    var updatesPerSecond = 0
    var residentBeforeKiB = 0
    var residentGrowthKiB = 0
    var deniedRows = 0
    var denialReplies = 0
}

private func measureFlood(of messageCount: Int, from senderCount: Int, server: FakeTelegramServer) async throws
    -> FloodFigures
{
    var figures = FloodFigures()
    let daemon = try BenchDaemon(telegram: server)
    do {
        _ = try await daemon.waitUntilReady()
        try await server.waitForPendingPoll()
        try await Task.sleep(for: .seconds(2))
        figures.residentBeforeKiB = daemon.residentKiB
        let started = ContinuousClock.now
        await server.state.batch { state in
            for index in 0..<messageCount {
                let sender = Int64(800_000_000 + index % senderCount)
                state.enqueueMessage(text: "let me in, please (\(index))", from: sender, username: "intruder\(sender)")
            }
        }
        try await waitUntilDenied(total: messageCount, client: daemon)
        let elapsed = ContinuousClock.now - started
        figures.updatesPerSecond = Int(Double(messageCount) / (elapsed / .seconds(1)))
        figures.residentGrowthKiB = daemon.residentKiB - figures.residentBeforeKiB
        figures.denialReplies = await server.state.calls("sendMessage").count { $0.text?.contains("Access denied") ?? false }
        try await daemon.stop(keepingDirectory: true)
        figures.deniedRows = try deniedRowCount(in: daemon.databasePath)
        daemon.directory.remove()
        return figures
    } catch {
        try? await daemon.stop()
        throw error
    }
}

/// Polls the admin API until the denied records' counts add up to `total`.
private func waitUntilDenied(total: Int, client daemon: BenchDaemon, timeout: Duration = .seconds(120)) async throws {
    var seen = 0
    try await waitFor("\(total) denied attempts to be counted (\(seen) so far)", timeout: timeout, every: .milliseconds(5)) {
        seen = try await daemon.client.denied(limit: 500).denied.reduce(0) { $0 + $1.count }
        return seen >= total
    }
}

private func deniedRowCount(in path: String) throws -> Int {
    var configuration = Configuration()
    configuration.readonly = true
    let database = try DatabaseQueue(path: path, configuration: configuration)
    return try database.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM denied_access") ?? 0 }
}
