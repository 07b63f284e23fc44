import Benchmark

/// End-to-end measurements of the release `claudio` binary (`make bench` builds it first) against the fake Telegram
/// server and the trivial bench claude (`Benchmarks/Scripts/bench-claude`).
let benchmarks: @Sendable () -> Void = {
    registerIdleAndStartupBenchmarks()
    registerUpdateToSpawnBenchmark()
    registerMessageCPUBenchmarks()
    registerApprovalBenchmark()
    registerFloodBenchmark()
    registerSnapshotBenchmark()
    registerKillBenchmark()
}
