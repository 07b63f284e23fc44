extension Settings {
    /// Every variable with its effective value as it may be shown (secrets masked, lists sorted) and its source.
    public var displayRows: [(variable: String, value: String, source: SettingValueSource)] {
        typealias V = SettingsVariable
        let values: [String: String] = [
            V.telegramBotToken: telegramBotToken.map(Redactor.mask) ?? "(not set)",
            V.allowedUserIDs: allowedUserIDs.isEmpty ? "(empty)" : allowedUserIDs.sorted().map(String.init).joined(separator: ","),
            V.slackBotToken: slackBotToken.map(Redactor.mask) ?? "(not set)",
            V.slackAppToken: slackAppToken.map(Redactor.mask) ?? "(not set)",
            V.slackAllowedUserIDs: slackAllowedUserIDs.isEmpty
                ? "(empty: every workspace member)" : slackAllowedUserIDs.sorted().joined(separator: ","),
            V.rateLimitRequests: String(rateLimitRequests),
            V.rateLimitWindow: SecondsText.format(rateLimitWindow),
            V.commandTimeout: SecondsText.format(commandTimeout),
            V.maxInputLength: String(maxInputLength),
            V.skipPermissions: String(skipPermissions),
            V.allowedTools: allowedTools.description,
            V.claudeCLIPath: claudeCLIPath,
            V.workspacePath: workspacePath,
            V.mcpConfigPath: mcpConfigPath ?? "(not set)",
            V.maxConcurrentJobs: String(maxConcurrentJobs),
            V.maxQueuedPerChat: String(maxQueuedPerChat),
            V.offlineMessageMaxAge: SecondsText.format(offlineMessageMaxAge),
            V.telegramAPIBaseURL: telegramAPIBaseURL,
            V.slackAPIBaseURL: slackAPIBaseURL,
            V.stateDirectory: stateDirectory,
            V.adminSocket: adminSocketPath,
            V.lockDirectory: lockDirectory,
            V.logLevel: logLevel.rawValue,
            V.jobSandbox: jobSandbox.rawValue,
            V.jobSandboxRW: jobSandboxWritable.isEmpty ? "(empty)" : jobSandboxWritable.joined(separator: ","),
            V.jobSandboxHide: jobSandboxHidden.isEmpty ? "(empty)" : jobSandboxHidden.joined(separator: ","),
            V.jobEnvPassthrough: jobEnvironmentPassthrough.isEmpty
                ? "(empty)" : jobEnvironmentPassthrough.joined(separator: ","),
            V.approvalTimeout: SecondsText.format(approvalTimeout),
            V.transcriptionAPIURL: transcriptionAPIURL + (voiceNotesEnabled ? "" : " (voice notes off)"),
            V.transcriptionAPIKey: transcriptionAPIKey.map { Redactor.mask($0) + (keyFromOpenAI ? " (OPENAI_API_KEY)" : "") }
                ?? "(not set)",
            V.transcriptionModel: transcriptionModel,
            V.maxVoiceSeconds: String(maxVoiceSeconds),
            V.maxUploadBytes: String(maxUploadBytes),
            V.userDailyBudgetUSD: userDailyBudgetUSD > 0 ? DollarText.amount(userDailyBudgetUSD) : "0 (no budget)",
            V.metricsListen: metricsListen?.description ?? "(not set)",
            V.maxSendFileBytes: String(maxSendFileBytes),
        ]
        return V.all.map { name in
            let source = name == V.transcriptionAPIKey && keyFromOpenAI ? sources[V.openAIAPIKey] : sources[name]
            return (name, values[name] ?? "", source ?? .default)
        }
    }

    /// Whether the transcription key is `OPENAI_API_KEY`'s, `TRANSCRIPTION_API_KEY` being unset.
    private var keyFromOpenAI: Bool {
        transcriptionAPIKey != nil && (sources[SettingsVariable.transcriptionAPIKey] ?? .default) == .default
    }
}
