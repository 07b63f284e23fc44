import Foundation
import Logging

/// Every variable of SPEC §2, typed and validated. Build one with `SettingsLoader`.
public struct Settings: Sendable {
    public var telegramBotToken: String?
    public var allowedUserIDs: Set<Int64>
    public var slackBotToken: String?
    public var slackAppToken: String?
    /// Empty means every workspace member may use the bot.
    public var slackAllowedUserIDs: Set<String>
    public var rateLimitRequests: Int
    /// Seconds.
    public var rateLimitWindow: Double
    /// Seconds.
    public var commandTimeout: Double
    public var maxInputLength: Int
    public var skipPermissions: Bool
    public var allowedTools: AllowedTools
    public var claudeCLIPath: String
    public var workspacePath: String
    public var mcpConfigPath: String?
    public var maxConcurrentJobs: Int
    public var maxQueuedPerChat: Int
    /// Seconds.
    public var offlineMessageMaxAge: Double
    public var telegramAPIBaseURL: String
    public var slackAPIBaseURL: String
    public var stateDirectory: String
    public var adminSocketPath: String
    public var lockDirectory: String
    public var logLevel: Logger.Level
    /// `JOB_SANDBOX`.
    public var jobSandbox: JobSandboxMode
    /// `JOB_SANDBOX_RW`: extra absolute paths a sandboxed job may write.
    public var jobSandboxWritable: [String]
    /// `JOB_SANDBOX_HIDE`: extra absolute paths a sandboxed job must not see.
    public var jobSandboxHidden: [String]
    /// `JOB_ENV_PASSTHROUGH`: extra environment names or `PREFIX_*` patterns passed to claude.
    public var jobEnvironmentPassthrough: [String]
    /// `APPROVAL_TIMEOUT`: seconds a tool request waits for an answer before it is denied (SPEC §13).
    public var approvalTimeout: Double = 300
    /// `TRANSCRIPTION_API_URL` without a trailing slash: an OpenAI-compatible speech-to-text API (SPEC §15).
    public var transcriptionAPIURL: String
    /// `TRANSCRIPTION_API_KEY`, else `OPENAI_API_KEY`; nil for a server that needs none.
    public var transcriptionAPIKey: String?
    /// `TRANSCRIPTION_MODEL`.
    public var transcriptionModel: String
    /// Whether voice notes are transcribed: a key is set, or the URL was set explicitly (a local server may need no
    /// key).
    public var voiceNotesEnabled: Bool
    /// `MAX_VOICE_SECONDS`: longer voice notes are refused before they are downloaded.
    public var maxVoiceSeconds: Int
    /// `MAX_UPLOAD_BYTES`: the largest file (or voice note) taken from a chat.
    public var maxUploadBytes: Int
    /// `USER_DAILY_BUDGET_USD`: a user's claude cost per UTC day beyond which prompts are refused; 0 means none.
    public var userDailyBudgetUSD: Double
    /// `METRICS_LISTEN`: where an extra TCP listener serves `/metrics`; nil for none.
    public var metricsListen: MetricsListenAddress?
    /// `MAX_SEND_FILE_BYTES`: the largest workspace file Claude may send to the chat (SPEC §14).
    public var maxSendFileBytes = 50_000_000
    /// Where each variable's effective value came from, keyed by variable name.
    public var sources: [String: SettingValueSource]
    /// The env file that was read, if any.
    public var envFilePath: String?

    public var telegramEnabled: Bool { telegramBotToken != nil }
    public var slackEnabled: Bool { slackBotToken != nil && slackAppToken != nil }
    /// Slack with an empty allowlist admits the whole workspace; operators are warned loudly.
    public var slackAllowsEveryone: Bool { slackAllowedUserIDs.isEmpty }

    /// Secret values, for redaction of logs and errors.
    public var secrets: [String] {
        [telegramBotToken, slackBotToken, slackAppToken, transcriptionAPIKey].compactMap { $0 }
    }

    public var databasePath: String { (stateDirectory as NSString).appendingPathComponent("claudio.sqlite") }
}
