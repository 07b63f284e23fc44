import Benchmark
import FakeTelegram
import Foundation
import Shared

/// `GET /v1/snapshot` (what the console polls) over the admin socket while the daemon runs 100 jobs and tracks
/// 10 000 rate-limit entries: 100 users each start a long job in their own chat (MAX_CONCURRENT_JOBS=100), then
/// 10 000 more users each send a prompt over MAX_INPUT_LENGTH, which takes a rate-limit slot (the limit is checked
/// first) and is answered "too long" without starting a job. Latency is from the request to the last byte of the
/// answer.
func registerSnapshotBenchmark() {
    let latency = BenchmarkMetric.custom("snapshot latency (µs)", useScalingFactor: false)
    let size = BenchmarkMetric.custom("snapshot size (KiB)", useScalingFactor: false)
    let resident = BenchmarkMetric.custom("daemon RSS with 100 jobs running (KiB)", useScalingFactor: false)
    let threads = BenchmarkMetric.custom("daemon threads with 100 jobs running", useScalingFactor: false)
    let jobCount = 100
    let crowd = 10_000
    let jobUsers = (1...jobCount).map { Int64($0) }
    let crowdUsers = (0..<crowd).map { Int64(10_000 + $0) }
    let settings = [
        "ALLOWED_USER_IDS": (jobUsers + crowdUsers).map(String.init).joined(separator: ","),
        "MAX_CONCURRENT_JOBS": String(jobCount), "RATE_LIMIT_WINDOW": "3600", "MAX_INPUT_LENGTH": "8",
    ]

    Benchmark(
        "Admin API: snapshot with 100 jobs and 10 000 rate-limit entries",
        configuration: .oneRun(metrics: [latency, size, resident, threads])
    ) { benchmark in
        let (latencies, bytes, loaded) = try await FakeTelegramServer.withServer { server in
            try await BenchDaemon.with(telegram: server, settings: settings) { daemon in
                await server.state.batch { state in
                    for user in jobUsers { state.enqueueMessage(text: "SLEEP", from: user) }
                }
                try await waitFor("\(jobCount) running jobs") {
                    try await daemon.client.jobs().jobs.count { $0.state == .running } == jobCount
                }
                let loaded = (residentKiB: daemon.residentKiB, threads: ProcessProbe.threadCount(of: daemon.pid) ?? 0)
                await server.state.batch { state in
                    for user in crowdUsers { state.enqueueMessage(text: "a prompt over eight characters", from: user) }
                }
                // Every crowd prompt is answered; after that the daemon is quiet again.
                try await waitFor("\(crowd) answers") {
                    await server.state.calls("sendMessage").count { $0.text?.contains("too long") ?? false } >= crowd
                }
                let snapshot = try await daemon.client.snapshot()
                guard snapshot.rateLimitsTotal >= crowd + jobCount, snapshot.jobs.count == jobCount else {
                    throw BenchFailure("\(snapshot.jobs.count) jobs and \(snapshot.rateLimitsTotal) rate-limit entries")
                }
                var latencies: [Int] = []
                var bytes = 0
                for sample in 0..<520 {
                    let started = ContinuousClock.now
                    let body = try await daemon.client.raw(.snapshot)
                    let elapsed = ContinuousClock.now - started
                    if sample >= 20 { latencies.append(Int(elapsed / .microseconds(1))) }
                    bytes = body.count
                }
                return (latencies, bytes, loaded)
            }
        }
        for value in latencies { benchmark.measurement(latency, value) }
        benchmark.measurement(size, bytes / 1_024)
        benchmark.measurement(resident, loaded.residentKiB)
        benchmark.measurement(threads, loaded.threads)
    }
}
