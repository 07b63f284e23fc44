import Benchmark
import ClaudioBot
import Foundation

/// Reading claude's stream-json: the real CLI's recorded output (the test fixtures) repeated to 1 MiB, fed in 64 KiB
/// chunks through the line splitter, the event decoder and the progress summary, as a job's output pump does.
/// One iteration reads 1 MiB, so throughput (# / s) is MiB/s.
func registerStreamJSONBenchmarks() {
    let mebibyte = 1 << 20
    let configuration = Benchmark.Configuration(metrics: [.throughput, .wallClock, .mallocCountTotal])

    Benchmark("Stream-json: read and summarise 1 MiB", configuration: configuration) { benchmark, output in
        var splitter = StreamJSONLineSplitter()
        var transcript = ClaudeTranscript()
        var summaries = 0
        for chunk in output {
            for line in splitter.append(chunk) {
                for event in transcript.consume(line: line) where ProgressSummary.line(for: event) != nil {
                    summaries += 1
                }
            }
        }
        blackHole(summaries)
    } setup: {
        try recordedOutput(atLeast: mebibyte).chunks(of: 64 << 10)
    }

    // The progress line alone, over every event of the recorded output (one scaled iteration is one event).
    Benchmark(
        "Progress summary: one event",
        configuration: .init(metrics: [.throughput, .wallClock, .mallocCountTotal], scalingFactor: .kilo)
    ) { (benchmark: Benchmark, events: [ClaudeStreamEvent]) in
        for index in benchmark.scaledIterations {
            blackHole(ProgressSummary.line(for: events[index % events.count]))
        }
    } setup: {
        var splitter = StreamJSONLineSplitter()
        var transcript = ClaudeTranscript()
        let output = try recordedOutput(atLeast: 1)
        return splitter.append(output).flatMap { transcript.consume(line: $0) }
    }
}

/// The recorded CLI output of every fixture, repeated until it holds at least `size` bytes (whole lines only).
private func recordedOutput(atLeast size: Int) throws -> [UInt8] {
    let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Tests/ClaudioBotTests/Fixtures/claude-stream-json")
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".jsonl") }.sorted()
    var recording: [UInt8] = []
    for name in names {
        recording += try Data(contentsOf: directory.appendingPathComponent(name))
        if recording.last != UInt8(ascii: "\n") { recording.append(UInt8(ascii: "\n")) }
    }
    var output: [UInt8] = []
    output.reserveCapacity(size + recording.count)
    while output.count < size { output += recording }
    return output
}

extension Array where Element == UInt8 {
    fileprivate func chunks(of size: Int) -> [[UInt8]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
