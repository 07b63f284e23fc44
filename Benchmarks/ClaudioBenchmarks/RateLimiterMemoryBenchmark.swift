import Benchmark
import CMallocInfo
import ClaudioBot
import Shared

/// Rate-limiter memory: 1 000 000 distinct users arrive over one window, each sending one prompt; then one more user
/// arrives after the window has passed, which sweeps the table. Heap bytes in use are read from glibc around each step.
func registerRateLimiterMemoryBenchmark() {
    let userCount = 1_000_000
    let window = Duration.seconds(60)
    let withUsers = BenchmarkMetric.custom("heap with 1M users (MB)", useScalingFactor: false)
    let perUser = BenchmarkMetric.custom("heap per user (bytes)", useScalingFactor: false)
    let afterWindow = BenchmarkMetric.custom("heap after the window (KB)", useScalingFactor: false)
    let tracked = BenchmarkMetric.custom("users tracked after the window", useScalingFactor: false)
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, withUsers, perUser, afterWindow, tracked], maxDuration: .seconds(30), maxIterations: 5)

    Benchmark("Rate limiter: 1M users, then after the window", configuration: configuration) { benchmark in
        let users = (0..<userCount).map { ChatUser(platform: .telegram, id: String(100_000_000 + $0)) }
        let before = heapBytesInUse()
        var limiter = RateLimiter(limit: 10, window: window)
        let spacing = window / userCount
        for (index, user) in users.enumerated() {
            blackHole(limiter.admit(user: user, at: spacing * index))
        }
        let full = heapBytesInUse() - before
        blackHole(limiter.admit(user: ChatUser(platform: .telegram, id: "1"), at: window * 2 + .seconds(1)))
        let swept = heapBytesInUse() - before
        benchmark.measurement(withUsers, full >> 20)
        benchmark.measurement(perUser, full / userCount)
        // Other frees may take it just below where it started; the histogram takes no negative values.
        benchmark.measurement(afterWindow, max(0, swept) >> 10)
        benchmark.measurement(tracked, limiter.trackedUserCount)
    }
}

private func heapBytesInUse() -> Int {
    Int(claudio_heap_bytes_in_use())
}
