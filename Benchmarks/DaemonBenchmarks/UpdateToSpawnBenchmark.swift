import Benchmark
import FakeTelegram
import Foundation

/// From an update being handed to the daemon (the fake's `getUpdates` answer, so the long-poll wait is excluded) to
/// the bench claude's first instruction, once with jobs unsandboxed and once in bubblewrap (what the sandbox costs
/// each prompt). The bench claude is a bash script; its own start-up (exec → first instruction) is measured apart,
/// by spawning it directly, so the daemon's share can be read off.
func registerUpdateToSpawnBenchmark() {
    registerUpdateToSpawnBenchmark(sandbox: "off", name: "Daemon: update to claude start")
    registerUpdateToSpawnBenchmark(sandbox: "bwrap", name: "Daemon: update to claude start in the sandbox")
}

private func registerUpdateToSpawnBenchmark(sandbox: String, name: String) {
    let latency = BenchmarkMetric.custom("update → claude start (µs)", useScalingFactor: false)
    let scriptStart = BenchmarkMetric.custom("bench claude's own start-up (µs)", useScalingFactor: false)
    let warmup = 10
    let samples = 200
    let settings = ["RATE_LIMIT_REQUESTS": "100000", "JOB_SANDBOX": sandbox]

    Benchmark(name, configuration: .oneRun(metrics: [latency, scriptStart])) { benchmark in
        let latencies = try await BenchDaemon.measureRounds(settings: settings, warmup: warmup, samples: samples) {
            server, daemon, sample, mark in
            let updateID = await server.sendText("ping \(sample)", from: 4242)
            let start = try await daemon.claude.waitForStart(number: sample + 1)
            try await server.waitForText("ok ping \(sample)", inChat: 4242, after: mark)
            guard let delivered = await server.state.firstDeliveredAt[updateID] else {
                throw BenchFailure("update \(updateID) was never delivered")
            }
            return microseconds(start.time.timeIntervalSince(delivered))
        }
        for value in latencies { benchmark.measurement(latency, value) }
        for _ in 0..<samples {
            benchmark.measurement(scriptStart, try await benchClaudeStartUp())
        }
    }
}

/// Spawns the bench claude with an empty prompt and returns µs from just before the spawn to its first instruction.
private func benchClaudeStartUp() async throws -> Int {
    let directory = try BenchDirectory()
    defer { directory.remove() }
    let before = Date()
    let pid = try BenchDaemon.spawn(
        BenchPaths.benchClaude, arguments: [], environment: ["PATH": "/usr/bin:/bin", "BENCH_CLAUDE_LOG": directory.path],
        log: "/dev/null")
    var status: Int32 = 0
    while waitpid(pid, &status, WNOHANG) == 0 { try await Task.sleep(for: .microseconds(200)) }
    let start = try await BenchClaudeLog(directory: directory.path).waitForStart(number: 1)
    return microseconds(start.time.timeIntervalSince(before))
}

func microseconds(_ seconds: TimeInterval) -> Int {
    Int((seconds * 1_000_000).rounded())
}

extension Benchmark.Configuration {
    /// One iteration that records many samples of custom metrics itself (each end-to-end scenario is expensive to set
    /// up, so it runs once and measures inside).
    static func oneRun(metrics: [BenchmarkMetric]) -> Benchmark.Configuration {
        .init(metrics: metrics, warmupIterations: 0, maxDuration: .seconds(600), maxIterations: 1)
    }
}
