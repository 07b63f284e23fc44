import Benchmark
import FakeTelegram
import Foundation

/// `POST /v1/jobs/{id}/kill` on a job whose claude runs a 50-process tree (plain children, setsid members and
/// double-forked orphans): from the API call to the last of the 50 processes gone from /proc (polled every 0.2 ms).
/// Unsandboxed: this measures the host's tree kill (in the sandbox the kernel ends the namespace, and the bench
/// claude's PIDs would be the namespace's, not the host's).
func registerKillBenchmark() {
    let latency = BenchmarkMetric.custom("kill of 50 processes (µs)", useScalingFactor: false)
    let treeSize = 50

    Benchmark("Admin API: kill a 50-process tree", configuration: .oneRun(metrics: [latency])) { benchmark in
        let latencies = try await FakeTelegramServer.withServer { server in
            try await BenchDaemon.with(telegram: server, settings: ["RATE_LIMIT_REQUESTS": "1000", "JOB_SANDBOX": "off"]) { daemon in
                var latencies: [Int] = []
                for round in 1...20 {
                    await server.sendText("TREE \(treeSize)", from: 4242)
                    let claude = try await daemon.claude.waitForStart(number: round)
                    let tree = try await daemon.claude.waitForTree(of: claude.pid)
                    guard tree.count == treeSize else { throw BenchFailure("tree of \(tree.count) processes, not \(treeSize)") }
                    guard let job = try await daemon.client.jobs().jobs.first(where: { $0.state == .running }) else {
                        throw BenchFailure("no running job for the tree")
                    }
                    let started = ContinuousClock.now
                    _ = try await daemon.client.kill(jobID: job.id)
                    try await waitFor(
                        "the last of \(tree.filter(ProcessProbe.exists).count) processes to go", timeout: .seconds(30),
                        every: .microseconds(200)
                    ) { !tree.contains(where: ProcessProbe.exists) }
                    latencies.append(Int((ContinuousClock.now - started) / .microseconds(1)))
                    try await waitFor("the killed job to leave the list") { try await daemon.client.jobs().jobs.isEmpty }
                }
                return latencies
            }
        }
        for value in latencies { benchmark.measurement(latency, value) }
    }
}
