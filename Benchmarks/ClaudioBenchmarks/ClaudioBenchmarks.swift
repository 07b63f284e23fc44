import Benchmark

/// In-process measurements of Claudio's hot paths (`make bench`). The daemon as a whole is measured by
/// `DaemonBenchmarks`, through the release binary.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration.maxDuration = .seconds(5)
    registerGateBenchmarks()
    registerRateLimiterMemoryBenchmark()
    registerStreamJSONBenchmarks()
    registerAdminSnapshotBenchmarks()
}
