import Foundation

/// Files the end-to-end benchmarks use, found from this source file's place in the package.
enum BenchPaths {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    /// The binary under measurement: `make bench` builds it with `swift build -c release`. `CLAUDIO_BENCH_BINARY`
    /// names another one (an earlier build, to compare).
    static let claudio = ProcessInfo.processInfo.environment["CLAUDIO_BENCH_BINARY"]
        ?? packageRoot + "/.build/release/claudio"
    /// The trivial scripted claude.
    static let benchClaude = packageRoot + "/Benchmarks/Scripts/bench-claude"
}
