/// The two allowlists as read from the configuration, with where each came from — what a reload re-reads.
public struct Allowlists: Sendable, Equatable {
    public var telegram: Set<Int64>
    public var telegramSource: SettingValueSource
    public var slack: Set<String>
    public var slackSource: SettingValueSource

    /// Reads and validates only `ALLOWED_USER_IDS` and `SLACK_ALLOWED_USER_IDS`.
    /// - Parameter telegramRequired: an empty Telegram list is an error while the Telegram channel runs.
    /// - Throws: `SettingsError` naming the bad variable and entry.
    public static func read(from layers: EnvironmentLayers, telegramRequired: Bool) throws(SettingsError) -> Allowlists {
        var parser = SettingsParser(layers: layers)
        let telegram = parser.telegramUserIDs(SettingsVariable.allowedUserIDs)
        let slack = parser.slackUserIDs(SettingsVariable.slackAllowedUserIDs)
        if telegramRequired, telegram.isEmpty, parser.issues.isEmpty {
            parser.report(
                SettingsVariable.allowedUserIDs, value: nil, problem: "is empty while the Telegram channel runs",
                expected: "at least one numeric Telegram user ID")
        }
        guard parser.issues.isEmpty else { throw SettingsError(parser.issues) }
        return Allowlists(
            telegram: telegram, telegramSource: parser.sources[SettingsVariable.allowedUserIDs] ?? .default,
            slack: slack, slackSource: parser.sources[SettingsVariable.slackAllowedUserIDs] ?? .default)
    }
}
