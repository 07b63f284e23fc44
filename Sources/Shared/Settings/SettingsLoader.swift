import Foundation
import Logging

/// Builds `Settings` from the process environment and an env file, validating every variable of SPEC §2.
public enum SettingsLoader {
    /// Which channels the command line switched off (`--no-telegram`, `--no-slack`).
    public struct ChannelSwitches: Sendable {
        public var telegram: Bool
        public var slack: Bool

        public init(telegram: Bool = true, slack: Bool = true) {
            self.telegram = telegram
            self.slack = slack
        }
    }

    /// Reads the env file (explicit, or `./.env` when it exists) under the process environment and validates.
    /// - Throws: `SettingsError` listing every problem found.
    public static func load(
        processEnvironment: [String: String] = ProcessInfo.processInfo.environment,
        envFilePath: String? = nil,
        channels: ChannelSwitches = ChannelSwitches()
    ) async throws(SettingsError) -> Settings {
        let layers = try await EnvironmentLayers.load(processEnvironment: processEnvironment, envFilePath: envFilePath)
        return try settings(from: layers, channels: channels)
    }

    /// Validates already loaded layers.
    public static func settings(from layers: EnvironmentLayers, channels: ChannelSwitches = ChannelSwitches())
        throws(SettingsError) -> Settings
    {
        typealias V = SettingsVariable
        var parser = SettingsParser(layers: layers)

        let telegramToken = parser.string(V.telegramBotToken)
        if let token = telegramToken, !isTelegramToken(token) {
            parser.report(
                V.telegramBotToken, value: token, problem: "not a Telegram bot token",
                expected: "the token @BotFather gave you, shaped like 123456789:AA…")
        }
        let allowedUserIDs = parser.telegramUserIDs(V.allowedUserIDs)
        let slackBot = parser.string(V.slackBotToken)
        let slackApp = parser.string(V.slackAppToken)
        checkSlackTokens(bot: slackBot, app: slackApp, parser: &parser)
        let slackAllowed = parser.slackUserIDs(V.slackAllowedUserIDs)

        let rateLimitRequests = parser.integer(V.rateLimitRequests, default: 10, minimum: 1)
        let rateLimitWindow = parser.seconds(V.rateLimitWindow, default: 60, allowZero: false)
        let commandTimeout = parser.seconds(V.commandTimeout, default: 1800, allowZero: false)
        let maxInputLength = parser.integer(V.maxInputLength, default: 10000, minimum: 1)
        let skipPermissions = parser.boolean(V.skipPermissions, default: true)
        let allowedTools = parseAllowedTools(&parser)
        let claudeCLIPath = parser.string(V.claudeCLIPath) ?? "claude"

        let workspacePath = parser.string(V.workspacePath) ?? FileManager.default.currentDirectoryPath
        if !FileChecks.isDirectory(workspacePath) {
            parser.report(
                V.workspacePath, value: workspacePath, problem: "the directory does not exist",
                expected: "an existing directory claude should work in")
        }
        let mcpConfigPath = parser.string(V.mcpConfigPath)
        if let path = mcpConfigPath, !FileChecks.isRegularFile(path) {
            parser.report(
                V.mcpConfigPath, value: path, problem: "the file does not exist",
                expected: "the path of an existing MCP config JSON file, or leave it unset")
        }
        let maxConcurrentJobs = parser.integer(V.maxConcurrentJobs, default: 3, minimum: 1)
        let maxQueuedPerChat = parser.integer(V.maxQueuedPerChat, default: 3, minimum: 0)
        let offlineMaxAge = parser.seconds(V.offlineMessageMaxAge, default: 600, allowZero: true)
        let telegramURL = parser.url(V.telegramAPIBaseURL, default: "https://api.telegram.org")
        let slackURL = parser.url(V.slackAPIBaseURL, default: "https://slack.com/api")

        let paths = DefaultPaths(layers: layers)
        let stateDirectory = parser.string(V.stateDirectory) ?? paths.stateDirectory
        let adminSocket = parser.string(V.adminSocket) ?? paths.adminSocket(stateDirectory: stateDirectory)
        let lockDirectory = parser.string(V.lockDirectory) ?? paths.lockDirectory
        let logLevel = parseLogLevel(&parser)
        let sandbox = parseSandbox(&parser, home: layers.value("HOME")?.value)
        let approvalTimeout = parser.seconds(V.approvalTimeout, default: 300, allowZero: false)
        let media = parseMedia(&parser)
        let dailyBudget = parser.dollars(V.userDailyBudgetUSD, default: 0)
        let metricsListen = parseMetricsListen(&parser)
        let maxSendFileBytes = parser.integer(V.maxSendFileBytes, default: 50_000_000, minimum: 1)

        let telegramEnabled = channels.telegram && telegramToken != nil
        let slackEnabled = channels.slack && slackBot != nil && slackApp != nil
        if telegramEnabled, allowedUserIDs.isEmpty, !parser.issues.contains(where: { $0.variable == V.allowedUserIDs }) {
            parser.report(
                V.allowedUserIDs, value: nil,
                problem: "is empty while TELEGRAM_BOT_TOKEN is set, which would let any Telegram user run commands",
                expected: "your numeric Telegram user ID(s), comma-separated (ask @userinfobot, or send /myid to the bot)")
        }
        let slackHalfConfigured = channels.slack && (slackBot == nil) != (slackApp == nil)
        if !telegramEnabled, !slackEnabled, !slackHalfConfigured {
            parser.report(
                "TELEGRAM_BOT_TOKEN / SLACK_BOT_TOKEN", value: nil, problem: "no channel is configured",
                expected: "TELEGRAM_BOT_TOKEN with ALLOWED_USER_IDS, and/or SLACK_BOT_TOKEN with SLACK_APP_TOKEN")
        }
        guard parser.issues.isEmpty else { throw SettingsError(parser.issues) }

        var settings = Settings(
            telegramBotToken: telegramEnabled ? telegramToken : nil, allowedUserIDs: allowedUserIDs,
            slackBotToken: slackEnabled ? slackBot : nil, slackAppToken: slackEnabled ? slackApp : nil,
            slackAllowedUserIDs: slackAllowed, rateLimitRequests: rateLimitRequests, rateLimitWindow: rateLimitWindow,
            commandTimeout: commandTimeout, maxInputLength: maxInputLength, skipPermissions: skipPermissions,
            allowedTools: allowedTools, claudeCLIPath: claudeCLIPath, workspacePath: workspacePath,
            mcpConfigPath: mcpConfigPath, maxConcurrentJobs: maxConcurrentJobs, maxQueuedPerChat: maxQueuedPerChat,
            offlineMessageMaxAge: offlineMaxAge, telegramAPIBaseURL: telegramURL, slackAPIBaseURL: slackURL,
            stateDirectory: stateDirectory, adminSocketPath: adminSocket, lockDirectory: lockDirectory,
            logLevel: logLevel, jobSandbox: sandbox.mode, jobSandboxWritable: sandbox.writable,
            jobSandboxHidden: sandbox.hidden, jobEnvironmentPassthrough: sandbox.environmentPassthrough,
            transcriptionAPIURL: media.transcriptionURL, transcriptionAPIKey: media.transcriptionKey,
            transcriptionModel: media.transcriptionModel, voiceNotesEnabled: media.voiceNotesEnabled,
            maxVoiceSeconds: media.maxVoiceSeconds, maxUploadBytes: media.maxUploadBytes,
            userDailyBudgetUSD: dailyBudget, metricsListen: metricsListen, sources: parser.sources,
            envFilePath: layers.filePath)
        settings.approvalTimeout = approvalTimeout
        settings.maxSendFileBytes = maxSendFileBytes
        return settings
    }

    static func isTelegramToken(_ token: String) -> Bool {
        let parts = token.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return false
        }
        return !parts[1].isEmpty && parts[1].allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "_" || $0 == "-" }
    }

    private static func checkSlackTokens(bot: String?, app: String?, parser: inout SettingsParser) {
        typealias V = SettingsVariable
        if let bot, !bot.hasPrefix("xoxb-") {
            parser.report(V.slackBotToken, value: bot, problem: "not a bot token", expected: "a token starting with xoxb-")
        }
        if let app, !app.hasPrefix("xapp-") {
            parser.report(
                V.slackAppToken, value: app, problem: "not an app-level token",
                expected: "a token starting with xapp- (Basic Information → App-Level Tokens, scope connections:write)")
        }
        if bot != nil, app == nil {
            parser.report(
                V.slackAppToken, value: nil, problem: "is missing while SLACK_BOT_TOKEN is set",
                expected: "both SLACK_BOT_TOKEN and SLACK_APP_TOKEN, or neither")
        }
        if app != nil, bot == nil {
            parser.report(
                V.slackBotToken, value: nil, problem: "is missing while SLACK_APP_TOKEN is set",
                expected: "both SLACK_BOT_TOKEN and SLACK_APP_TOKEN, or neither")
        }
    }

    private static func parseAllowedTools(_ parser: inout SettingsParser) -> AllowedTools {
        let name = SettingsVariable.allowedTools
        let entries = parser.list(name)
        if entries.isEmpty || entries == ["*"] { return .all }
        // An entry beginning with "-" would read as an option of claude's command line.
        let bad = entries.filter { $0 == "*" || $0.hasPrefix("-") || $0.contains(where: { $0.isWhitespace && $0 != " " }) }
        if !bad.isEmpty {
            parser.report(
                name, value: entries.joined(separator: ","),
                problem: "invalid entries \(bad.map { "\"\($0)\"" }.joined(separator: ", "))",
                expected: "* alone, or tool names such as Read,Grep,Bash(git:*)")
            return .all
        }
        return .only(entries)
    }

    private static func parseLogLevel(_ parser: inout SettingsParser) -> Logger.Level {
        let name = SettingsVariable.logLevel
        guard let text = parser.string(name) else { return .info }
        guard let level = Logger.Level(rawValue: text.lowercased()) else {
            parser.report(
                name, value: text, problem: "unknown log level",
                expected: "one of trace, debug, info, notice, warning, error, critical")
            return .info
        }
        return level
    }
}
