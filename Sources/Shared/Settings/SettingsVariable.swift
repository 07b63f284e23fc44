/// The names of SPEC §2, in the order `claudio check` and `.env.example` list them.
public enum SettingsVariable {
    public static let telegramBotToken = "TELEGRAM_BOT_TOKEN"
    public static let allowedUserIDs = "ALLOWED_USER_IDS"
    public static let slackBotToken = "SLACK_BOT_TOKEN"
    public static let slackAppToken = "SLACK_APP_TOKEN"
    public static let slackAllowedUserIDs = "SLACK_ALLOWED_USER_IDS"
    public static let rateLimitRequests = "RATE_LIMIT_REQUESTS"
    public static let rateLimitWindow = "RATE_LIMIT_WINDOW"
    public static let commandTimeout = "COMMAND_TIMEOUT"
    public static let maxInputLength = "MAX_INPUT_LENGTH"
    public static let skipPermissions = "SKIP_PERMISSIONS"
    public static let allowedTools = "ALLOWED_TOOLS"
    public static let claudeCLIPath = "CLAUDE_CLI_PATH"
    public static let workspacePath = "WORKSPACE_PATH"
    public static let mcpConfigPath = "MCP_CONFIG_PATH"
    public static let maxConcurrentJobs = "MAX_CONCURRENT_JOBS"
    public static let maxQueuedPerChat = "MAX_QUEUED_PER_CHAT"
    public static let offlineMessageMaxAge = "OFFLINE_MESSAGE_MAX_AGE"
    public static let telegramAPIBaseURL = "TELEGRAM_API_BASE_URL"
    public static let slackAPIBaseURL = "SLACK_API_BASE_URL"
    public static let stateDirectory = "CLAUDIO_STATE_DIR"
    public static let adminSocket = "CLAUDIO_ADMIN_SOCKET"
    public static let lockDirectory = "CLAUDIO_LOCK_DIR"
    public static let logLevel = "LOG_LEVEL"
    public static let jobSandbox = "JOB_SANDBOX"
    public static let jobSandboxRW = "JOB_SANDBOX_RW"
    public static let jobSandboxHide = "JOB_SANDBOX_HIDE"
    public static let jobEnvPassthrough = "JOB_ENV_PASSTHROUGH"
    public static let approvalTimeout = "APPROVAL_TIMEOUT"
    public static let transcriptionAPIURL = "TRANSCRIPTION_API_URL"
    public static let transcriptionAPIKey = "TRANSCRIPTION_API_KEY"
    public static let transcriptionModel = "TRANSCRIPTION_MODEL"
    public static let maxVoiceSeconds = "MAX_VOICE_SECONDS"
    public static let maxUploadBytes = "MAX_UPLOAD_BYTES"
    public static let maxSendFileBytes = "MAX_SEND_FILE_BYTES"
    /// Not a setting of its own: what `TRANSCRIPTION_API_KEY` falls back to, so an operator's usual OpenAI key works.
    public static let openAIAPIKey = "OPENAI_API_KEY"
    public static let userDailyBudgetUSD = "USER_DAILY_BUDGET_USD"
    public static let metricsListen = "METRICS_LISTEN"

    public static let all = [
        telegramBotToken, allowedUserIDs, slackBotToken, slackAppToken, slackAllowedUserIDs, rateLimitRequests,
        rateLimitWindow, commandTimeout, maxInputLength, skipPermissions, allowedTools, claudeCLIPath, workspacePath,
        mcpConfigPath, maxConcurrentJobs, maxQueuedPerChat, offlineMessageMaxAge, telegramAPIBaseURL, slackAPIBaseURL,
        stateDirectory, adminSocket, lockDirectory, logLevel, jobSandbox, jobSandboxRW, jobSandboxHide,
        jobEnvPassthrough, approvalTimeout, transcriptionAPIURL, transcriptionAPIKey, transcriptionModel, maxVoiceSeconds,
        maxUploadBytes, userDailyBudgetUSD, metricsListen, maxSendFileBytes,
    ]

    public static let secretNames: Set<String> = [
        telegramBotToken, slackBotToken, slackAppToken, transcriptionAPIKey, openAIAPIKey,
    ]
}
