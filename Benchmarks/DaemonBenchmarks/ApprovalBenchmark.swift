import Benchmark
import FakeTelegram
import Foundation

/// An approval's round trip (`SKIP_PERMISSIONS=false`): the bench claude asks to run a Bash command, the daemon puts
/// the question in the chat with buttons, and the fake Telegram presses the first one ("Allow"). Measured from the
/// moment the fake's `getUpdates` answer hands out the press (the long-poll wait excluded, as for update → claude
/// start) to the bench claude reading the daemon's answer on its stdin.
func registerApprovalBenchmark() {
    let latency = BenchmarkMetric.custom("button press → claude has the answer (µs)", useScalingFactor: false)
    let warmup = 5
    let samples = 100
    let settings = ["RATE_LIMIT_REQUESTS": "100000", "SKIP_PERMISSIONS": "false", "JOB_SANDBOX": "off"]

    Benchmark("Daemon: approval round trip", configuration: .oneRun(metrics: [latency])) { benchmark in
        let latencies = try await BenchDaemon.measureRounds(settings: settings, warmup: warmup, samples: samples) {
            server, daemon, sample, mark in
            await server.sendText("ASK \(sample)", from: 4242)
            try await server.waitForCall("question \(sample) with buttons") { call in
                call.sequence >= mark && call.method == "sendMessage" && call.succeeded
                    && (call.parameters["reply_markup"]?.contains("callback_data") ?? false)
            }
            guard let question = await server.state.messages(inChat: 4242).last(where: { !$0.buttons.isEmpty }),
                let allow = question.buttons.first?.first
            else { throw BenchFailure("question \(sample) has no button") }
            try await server.waitForPendingPoll()
            let queryID = await server.state.enqueueCallbackQuery(
                data: allow.data, from: 4242, messageID: question.messageID, chatID: 4242)
            let answered = try await daemon.claude.waitForAnswer(number: sample + 1)
            try await server.waitForText("ok ASK \(sample)", inChat: 4242, after: mark)
            // The fake names a callback query after its update: "cb-<update_id>".
            guard let updateID = Int64(queryID.dropFirst("cb-".count)),
                let pressed = await server.state.firstDeliveredAt[updateID]
            else { throw BenchFailure("the press of question \(sample) was never delivered") }
            return microseconds(answered.timeIntervalSince(pressed))
        }
        for value in latencies { benchmark.measurement(latency, value) }
    }
}

extension BenchClaudeLog {
    /// Waits until at least `count` approval answers reached the bench claude and returns when the `count`-th did.
    func waitForAnswer(number count: Int, timeout: Duration = .seconds(30)) async throws -> Date {
        try await waitFor("approval answer number \(count)", timeout: timeout, every: .microseconds(200)) {
            let text = (try? String(contentsOfFile: directory + "/answers", encoding: .utf8)) ?? ""
            let times = text.split(separator: "\n").compactMap { $0.split(separator: " ").first.flatMap { Double($0) } }
            return times.count >= count ? Date(timeIntervalSince1970: times[count - 1]) : nil
        }
    }
}
