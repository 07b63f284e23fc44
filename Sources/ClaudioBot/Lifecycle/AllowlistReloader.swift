import Shared

/// Re-reads the allowlists from the env file (under the process environment, which still wins) and applies them to
/// the gate at once — `POST /v1/reload` and SIGHUP. A reload never turns a Slack list that names people into
/// "everyone" (SPEC §18): that takes a restart, so a deleted or misspelt line cannot open the bot to a workspace.
struct AllowlistReloader: Sendable {
    let gate: Gate
    let processEnvironment: [String: String]
    /// The file read at start, or `./.env` when none existed then (it may have been created since).
    let envFilePath: String?
    let explicitEnvFile: Bool
    let telegramEnabled: Bool

    /// - Throws: `AdminReloadError` with every problem; the lists in force stay unchanged.
    func reload() async throws(AdminReloadError) -> ReloadResponse {
        let lists: Allowlists
        do {
            let layers = try await EnvironmentLayers.load(
                processEnvironment: processEnvironment, envFilePath: explicitEnvFile ? envFilePath : nil)
            lists = try Allowlists.read(from: layers, telegramRequired: telegramEnabled)
        } catch {
            throw AdminReloadError(message: "Reload refused, the allowlists in force are unchanged. \(error)")
        }
        guard await gate.applyReloadedAllowLists(AllowLists(telegram: lists.telegram, slack: lists.slack)) else {
            throw AdminReloadError(message: Self.slackWouldOpen(source: lists.slackSource, envFile: envFilePath))
        }
        return ReloadResponse(
            telegram: TelegramAllowlistSummary(size: lists.telegram.count, source: Self.source(lists.telegramSource)),
            slack: SlackAllowlistSummary(
                size: lists.slack.count, allowAll: lists.slack.isEmpty, source: Self.source(lists.slackSource)))
    }

    private static func slackWouldOpen(source: SettingValueSource, envFile: String?) -> String {
        let place = source == .environment ? "the environment" : envFile ?? "the env file"
        return "Reload refused, the allowlists in force are unchanged. SLACK_ALLOWED_USER_IDS is empty in \(place), "
            + "which would let every member of the Slack workspace run commands on this machine; a reload never "
            + "opens a restricted list to everyone. Put the user IDs back, or restart Claudio if everyone is meant."
    }

    /// A list set in the process environment cannot be changed by editing the file: say so.
    private static func source(_ source: SettingValueSource) -> AllowlistSource {
        source == .environment ? .environment : .file
    }
}
