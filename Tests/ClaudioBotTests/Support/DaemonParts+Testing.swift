@testable import ClaudioBot

extension DaemonParts.Tuning {
    /// Quick progress edits, reconnects and resends, so channel tests take milliseconds.
    static let fastForTests = DaemonParts.Tuning(
        progressInterval: .milliseconds(100),
        reconnectBackoff: RetryBackoff(initial: .milliseconds(20), maximum: .milliseconds(200)),
        telegramDelivery: .fastForTests,
        slackSendBackoff: RetryBackoff(initial: .milliseconds(50), maximum: .milliseconds(200)),
        telegramPollTimeout: 5,
        telegramStallPollInterval: .milliseconds(50),
        storeRetryBackoff: RetryBackoff(initial: .milliseconds(20), maximum: .milliseconds(200)))
}
