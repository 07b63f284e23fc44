import Benchmark
import FakeTelegram
import Foundation

/// The daemon's own CPU time (utime + stime of the release `claudio`) per authorized prompt answered by the bench
/// claude: one at a time, the same with 500 unrelated processes on the host (a job's cost must not grow with them),
/// and 200 sent at once into one chat. Each scenario measures five rounds of 200 prompts after 20 unmeasured ones;
/// CPU is read in clock ticks (10 ms), so a round's figure is good to about one tick over the round.
///
/// The bench claude's own CPU per message (the daemon's reaped children: bash starting, reading its input, answering)
/// is recorded beside it as a yardstick: the VM's speed drifts between runs, and the ratio of the two drifts less.
func registerMessageCPUBenchmarks() {
    registerMessageCPUBenchmark(name: "Daemon: CPU per message one at a time", extraProcesses: 0, burst: false)
    registerMessageCPUBenchmark(
        name: "Daemon: CPU per message one at a time with 500 more processes on the host", extraProcesses: 500,
        burst: false)
    registerMessageCPUBenchmark(name: "Daemon: CPU per message in a burst of 200 in one chat", extraProcesses: 0, burst: true)
}

private func registerMessageCPUBenchmark(name: String, extraProcesses: Int, burst: Bool) {
    let cpu = BenchmarkMetric.custom("daemon CPU per message (µs)", useScalingFactor: false)
    let claudeCPU = BenchmarkMetric.custom("bench claude's CPU per message (µs)", useScalingFactor: false)
    let rounds = 5
    let perRound = 200
    let warmup = 20
    let settings = ["RATE_LIMIT_REQUESTS": "100000", "MAX_QUEUED_PER_CHAT": "1000", "JOB_SANDBOX": "off"]

    Benchmark(name, configuration: .oneRun(metrics: [cpu, claudeCPU])) { benchmark in
        let crowd = try Crowd(size: extraProcesses)
        defer { crowd.stop() }
        let perMessage = try await FakeTelegramServer.withServer { server in
            try await BenchDaemon.with(telegram: server, settings: settings) { daemon in
                var sent = 0
                func oneAtATime(_ count: Int) async throws {
                    for _ in 0..<count {
                        try await server.waitForPendingPoll()
                        let mark = await server.mark()
                        await server.sendText("ping \(sent)", from: 4242)
                        try await server.waitForText("ok ping \(sent)", inChat: 4242, after: mark)
                        sent += 1
                    }
                }
                func allAtOnce(_ count: Int) async throws {
                    try await server.waitForPendingPoll()
                    let mark = await server.mark()
                    let first = sent
                    await server.state.batch { state in
                        for number in first..<(first + count) {
                            _ = state.enqueueMessage(text: "ping \(number)", from: 4242)
                        }
                    }
                    sent += count
                    try await server.waitForText("ok ping \(sent - 1)", inChat: 4242, after: mark, timeout: .seconds(120))
                }
                try await oneAtATime(warmup)
                var perMessage: [(daemon: Int, claude: Int)] = []
                func microseconds(_ ticks: Int) -> Int { ticks * 1_000_000 / ProcessProbe.ticksPerSecond / perRound }
                for _ in 0..<rounds {
                    let before = (daemon: daemon.cpuTicks, claude: daemon.reapedChildrenCPUTicks)
                    if burst { try await allAtOnce(perRound) } else { try await oneAtATime(perRound) }
                    perMessage.append(
                        (microseconds(daemon.cpuTicks - before.daemon),
                         microseconds(daemon.reapedChildrenCPUTicks - before.claude)))
                }
                return perMessage
            }
        }
        for round in perMessage {
            benchmark.measurement(cpu, round.daemon)
            benchmark.measurement(claudeCPU, round.claude)
        }
    }
}

/// Unrelated processes (`sleep`) that sit on the host while a scenario runs, stopped by PID.
private struct Crowd {
    private let pids: [pid_t]

    init(size: Int) throws {
        var pids: [pid_t] = []
        do {
            for _ in 0..<size {
                pids.append(try BenchDaemon.spawn(
                    "/bin/sleep", arguments: ["100000"], environment: ["PATH": "/usr/bin:/bin"], log: "/dev/null"))
            }
        } catch {
            Self.stop(pids)
            throw error
        }
        self.pids = pids
    }

    func stop() {
        Self.stop(pids)
    }

    private static func stop(_ pids: [pid_t]) {
        for pid in pids { kill(pid, SIGKILL) }
        var status: Int32 = 0
        for pid in pids { _ = waitpid(pid, &status, 0) }
    }
}
