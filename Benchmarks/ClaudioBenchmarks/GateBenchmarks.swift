import Benchmark
import ClaudioBot
import Foundation
import Shared

/// Gate decisions per second and allocations per decision (run with `--scale`: one scaled iteration is one message).
func registerGateBenchmarks() {
    let configuration = Benchmark.Configuration(
        metrics: [.throughput, .wallClock, .mallocCountTotal], scalingFactor: .kilo)
    let userCount = 1_000
    let members = (0..<userCount).map { ChatUser(platform: .telegram, id: String(1_000_000 + $0), username: "user\($0)") }
    let strangers = (0..<userCount).map { ChatUser(platform: .telegram, id: String(9_000_000 + $0), username: "spam\($0)") }
    let allowLists = AllowLists(telegram: Set(members.compactMap { Int64($0.id) }))

    // An authorized prompt: access check, rate limit (never full here), input validation.
    Benchmark("Gate: authorized prompt", configuration: configuration) { benchmark, scenario in
        for index in benchmark.scaledIterations {
            let message = scenario.messages[index % userCount]
            blackHole(await scenario.gate.checkAccess(message))
            blackHole(await scenario.gate.admitPrompt(message))
        }
    } setup: {
        GateScenario(
            gate: Gate(
                allowLists: allowLists, rateLimitRequests: 1 << 30, rateLimitWindow: .seconds(1), maxInputLength: 4_000),
            messages: members.map { message(from: $0, text: "please summarise the README") })
    }

    // An unauthorized message: denied, folded into its sender's open record, the denial reply throttled.
    Benchmark("Gate: unauthorized message", configuration: configuration) { benchmark, scenario in
        for index in benchmark.scaledIterations {
            blackHole(await scenario.gate.checkAccess(scenario.messages[index % userCount]))
        }
    } setup: {
        GateScenario(
            gate: Gate(allowLists: allowLists, rateLimitRequests: 10, rateLimitWindow: .seconds(60), maxInputLength: 4_000),
            messages: strangers.map { message(from: $0, text: "let me in") })
    }
}

/// A gate and the messages an iteration sends through it, made before measuring.
private struct GateScenario: Sendable {
    let gate: Gate
    let messages: [InboundMessage]
}

private func message(from user: ChatUser, text: String) -> InboundMessage {
    InboundMessage(user: user, chatID: user.id, messageID: "1", text: text, sentAt: Date())
}
