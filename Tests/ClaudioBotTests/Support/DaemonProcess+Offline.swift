import Foundation

@testable import ClaudioBot

extension DaemonProcess {
    /// A daemon with the Telegram channel enabled (user 42 allowed) against an address where nothing listens: for
    /// tests about the daemon itself — admin API, locks, files, reload — rather than about a platform.
    static func offlineEnvironment(in directory: ScratchDirectory, fake: FakeClaude, extra: [String: String] = [:])
        -> [String: String]
    {
        environment(
            in: directory, fake: fake,
            extra: [
                "TELEGRAM_BOT_TOKEN": "123:lifecycle-token", "ALLOWED_USER_IDS": "42",
                "TELEGRAM_API_BASE_URL": "http://127.0.0.1:9",
            ].merging(extra) { $1 })
    }
}
