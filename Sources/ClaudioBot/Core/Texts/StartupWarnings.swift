import Shared

/// Warnings shown by `claudio check`, logged at start and repeated in status answers.
enum StartupWarnings {
    static let slackOpenToWorkspace =
        "SLACK_ALLOWED_USER_IDS is empty: EVERY member of the Slack workspace can run commands on this machine. "
        + "Set SLACK_ALLOWED_USER_IDS to the user IDs that may use Claudio."
    static let rootWithoutSandbox =
        "running as root with SKIP_PERMISSIONS=true but IS_SANDBOX is not 1: the claude CLI refuses "
        + "--dangerously-skip-permissions as root. Run Claudio as an ordinary user (recommended), or set IS_SANDBOX=1 "
        + "in a disposable sandbox, or SKIP_PERMISSIONS=false."

    /// SPEC §18: the lock files' directory lets other users replace them.
    static func lockDirectoryReplaceable(_ path: String) -> String {
        "CLAUDIO_LOCK_DIR \(path) is writable by every user and has no sticky bit: another local user can replace "
            + "Claudio's lock files. Set CLAUDIO_LOCK_DIR to a directory only Claudio's user can write, or "
            + "`chmod +t \(path)`."
    }

    /// `JOB_ENV_PASSTHROUGH` lists what claude never gets; the rest of the list still applies (SPEC §12).
    static func withheldPassthrough(_ entries: [WithheldPassthrough]) -> String {
        "JOB_ENV_PASSTHROUGH lists variables that are never passed to claude (Claudio's bot tokens, "
            + "TRANSCRIPTION_API_KEY, OPENAI_API_KEY and CLAUDIO_*), so they are ignored: "
            + entries.map(\.description).joined(separator: ", ") + ". The rest of the list is passed."
    }

    /// `METRICS_LISTEN` names an address other machines can reach: the metrics carry no secret, but they tell who
    /// is active and how much it costs.
    static func metricsReachable(_ address: MetricsListenAddress) -> String {
        "METRICS_LISTEN=\(address) serves /metrics to other machines, without authentication: anyone who reaches "
            + "that port sees Claudio's activity and costs. Listen on 127.0.0.1 (or put the port behind a firewall) "
            + "unless a scraper elsewhere needs it."
    }

    /// Every warning that applies: logged at start by the daemon and printed by `claudio check`.
    static func all(for settings: Settings, cli: ClaudeCLIInfo, isRoot: Bool, environment: [String: String])
        -> [String]
    {
        var warnings: [String] = []
        if settings.slackEnabled, settings.slackAllowsEveryone {
            warnings.append(slackOpenToWorkspace)
        }
        if settings.telegramEnabled || settings.slackEnabled,
            SharedDirectory.letsAnyoneReplaceFiles(settings.lockDirectory)
        {
            warnings.append(lockDirectoryReplaceable(settings.lockDirectory))
        }
        if isRoot, settings.skipPermissions, environment["IS_SANDBOX"] != "1" {
            warnings.append(rootWithoutSandbox)
        }
        let withheld = JobEnvironment(settings: settings).withheld
        if !withheld.isEmpty {
            warnings.append(withheldPassthrough(withheld))
        }
        if let address = settings.metricsListen, !address.isLoopback {
            warnings.append(metricsReachable(address))
        }
        if let problem = cli.problem {
            warnings.append(problem)
        }
        return warnings
    }
}
