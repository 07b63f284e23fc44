import Benchmark
import FakeTelegram
import Foundation

/// Start-up time to the " ready: " line, and an idle daemon's RSS and CPU: Telegram long-polling the fake server
/// (which holds each poll 30 s, like Telegram), no jobs, nobody writing.
func registerIdleAndStartupBenchmarks() {
    let startup = BenchmarkMetric.custom("start-up to ready (ms)", useScalingFactor: false)
    let startupRSS = BenchmarkMetric.custom("RSS when ready (KiB)", useScalingFactor: false)
    Benchmark("Daemon: start-up to ready", configuration: .oneRun(metrics: [startup, startupRSS])) { benchmark in
        let runs = try await FakeTelegramServer.withServer { server in
            var runs: [(milliseconds: Int, residentKiB: Int)] = []
            for _ in 0..<15 {
                let daemon = try BenchDaemon(telegram: server)
                do {
                    let elapsed = try await daemon.waitUntilReady()
                    runs.append((Int(elapsed / .microseconds(1)) / 1_000, daemon.residentKiB))
                    try await daemon.stop()
                } catch {
                    try? await daemon.stop()
                    throw error
                }
            }
            return runs
        }
        for run in runs {
            benchmark.measurement(startup, run.milliseconds)
            benchmark.measurement(startupRSS, run.residentKiB)
        }
    }

    let idleRSS = BenchmarkMetric.custom("idle RSS (KiB)", useScalingFactor: false)
    let idleCPU = BenchmarkMetric.custom("idle CPU (1/100 % of a core)", useScalingFactor: false)
    // RSS counts every page of the shared libraries the process touched; these say what is Claudio's own.
    let idlePrivate = BenchmarkMetric.custom("idle private memory, USS (KiB)", useScalingFactor: false)
    let idleAnonymous = BenchmarkMetric.custom("idle anonymous memory: heap, stacks (KiB)", useScalingFactor: false)
    // The rest of RSS: pages of files mapped into the process (the binary, the shared libraries it loaded).
    let idleFileBacked = BenchmarkMetric.custom("idle file-backed memory (KiB)", useScalingFactor: false)
    let idleProportional = BenchmarkMetric.custom("idle PSS (KiB)", useScalingFactor: false)
    let settle = Duration.seconds(5)
    let window = Duration.seconds(20)
    Benchmark(
        "Daemon: idle",
        configuration: .oneRun(metrics: [idleRSS, idleCPU, idlePrivate, idleAnonymous, idleFileBacked, idleProportional])
    ) { benchmark in
        let runs = try await FakeTelegramServer.withServer { server in
            var runs: [(cpu: Int, residentKiB: Int, memory: [String: Int])] = []
            for _ in 0..<3 {
                try await BenchDaemon.with(telegram: server) { daemon in
                    try await Task.sleep(for: settle)
                    let ticksBefore = daemon.cpuTicks
                    try await Task.sleep(for: window)
                    let ticks = daemon.cpuTicks - ticksBefore
                    let windowSeconds = Int(window / .seconds(1))
                    runs.append((
                        ticks * 10_000 / (windowSeconds * ProcessProbe.ticksPerSecond), daemon.residentKiB,
                        ProcessProbe.memoryRollup(of: daemon.pid)
                    ))
                }
            }
            return runs
        }
        for run in runs {
            benchmark.measurement(idleCPU, run.cpu)
            benchmark.measurement(idleRSS, run.residentKiB)
            benchmark.measurement(idlePrivate, (run.memory["Private_Clean"] ?? 0) + (run.memory["Private_Dirty"] ?? 0))
            benchmark.measurement(idleAnonymous, run.memory["Anonymous"] ?? 0)
            benchmark.measurement(idleFileBacked, (run.memory["Rss"] ?? 0) - (run.memory["Anonymous"] ?? 0))
            benchmark.measurement(idleProportional, run.memory["Pss"] ?? 0)
        }
    }
}
