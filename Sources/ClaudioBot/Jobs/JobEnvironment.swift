import Shared

/// The environment claude runs with (SPEC §12), sandboxed or not: the daemon's own, cut down to what the CLI and
/// the tools it runs need, plus what the operator lists in `JOB_ENV_PASSTHROUGH`.
///
/// The daemon's environment may hold its bot tokens and names every path that protects it (state, socket, locks).
/// The model can be talked into printing or sending its environment, so nothing is passed unless it is on the list
/// below, and Claudio's own secrets and `CLAUDIO_*` variables never are, even when the operator lists them.
///
/// Of Claudio's own settings (SPEC §2) only `CLAUDE_CLI_PATH` matches an allowed pattern (`CLAUDE_*`); the CLI's path
/// is no secret, so it goes through. Every other setting (`TELEGRAM_*`, `SLACK_*`, `ALLOWED_*`, `RATE_LIMIT_*`,
/// `MAX_*`, `JOB_*`, `TRANSCRIPTION_*`, `WORKSPACE_PATH`, `LOG_LEVEL`, …) matches none, and
/// `JobEnvironmentTests` fails when a new one does. The proxy variables are shared with Claudio's own libcurl on
/// purpose: the CLI needs the same way out. `OPENAI_API_KEY` is what `TRANSCRIPTION_API_KEY` falls back to, so it is
/// one of Claudio's secrets like the key itself: never passed, even when listed.
///
/// `CLAUDIO_JOB_ID` is dropped with every `CLAUDIO_*` variable and set again by `ProcessLauncher` for the job it
/// starts, so a daemon started from inside another daemon's job does not carry that job's tag into its own jobs.
struct JobEnvironment: Sendable {
    /// Names passed whatever the settings.
    static let standardNames: Set<String> = [
        "PATH", "HOME", "USER", "LOGNAME", "SHELL", "LANG", "TZ", "TERM", "IS_SANDBOX", "DISABLE_AUTOUPDATER",
        "http_proxy", "https_proxy", "no_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "ALL_PROXY",
        "NODE_EXTRA_CA_CERTS", "SSL_CERT_FILE", "SSL_CERT_DIR",
    ]
    /// Prefixes passed whatever the settings: the locale, and the CLI's own configuration.
    static let standardPrefixes = ["LC_", "ANTHROPIC_", "CLAUDE_"]
    /// Claudio's secrets: never passed, even when listed.
    static let secretNames: Set<String> = [
        "TELEGRAM_BOT_TOKEN", "SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "TRANSCRIPTION_API_KEY", "OPENAI_API_KEY",
    ]
    /// Claudio's own variables: never passed, even when listed.
    static let claudioPrefix = "CLAUDIO_"

    /// The exact names of `JOB_ENV_PASSTHROUGH`, without the ones never passed.
    let passthroughNames: Set<String>
    /// The `PREFIX_*` patterns of `JOB_ENV_PASSTHROUGH` as prefixes, without those matching only what is never
    /// passed.
    let passthroughPrefixes: [String]
    /// The entries of `JOB_ENV_PASSTHROUGH` that reach for what is never passed, in the order listed: warned about
    /// at start (`StartupWarnings`).
    let withheld: [WithheldPassthrough]

    /// - Parameter passthrough: `JOB_ENV_PASSTHROUGH`: names and `PREFIX_*` patterns, already validated.
    init(passthrough: [String]) {
        var names: Set<String> = []
        var prefixes: [String] = []
        var withheld: [WithheldPassthrough] = []
        for entry in passthrough {
            guard entry.hasSuffix("*") else {
                if Self.isNeverPassed(entry) {
                    withheld.append(WithheldPassthrough(entry: entry, withheld: [entry]))
                } else {
                    names.insert(entry)
                }
                continue
            }
            let prefix = String(entry.dropLast())
            if prefix.hasPrefix(Self.claudioPrefix) {
                withheld.append(WithheldPassthrough(entry: entry, withheld: [entry]))
                continue
            }
            prefixes.append(prefix)
            // A broader pattern still passes the rest of what it matches; the operator is told what it does not.
            var covered = Self.secretNames.filter { $0.hasPrefix(prefix) }.sorted()
            if Self.claudioPrefix.hasPrefix(prefix) { covered.append(Self.claudioPrefix + "*") }
            if !covered.isEmpty { withheld.append(WithheldPassthrough(entry: entry, withheld: covered)) }
        }
        passthroughNames = names
        passthroughPrefixes = prefixes
        self.withheld = withheld
    }

    /// The environment described by `settings.jobEnvironmentPassthrough`.
    init(settings: Settings) {
        self.init(passthrough: settings.jobEnvironmentPassthrough)
    }

    /// Whether claude may see the variable `name`.
    func allows(_ name: String) -> Bool {
        guard !Self.isNeverPassed(name) else { return false }
        if Self.standardNames.contains(name) || passthroughNames.contains(name) { return true }
        return Self.standardPrefixes.contains(where: name.hasPrefix) || passthroughPrefixes.contains(where: name.hasPrefix)
    }

    /// The part of `environment` claude may see.
    func scrub(_ environment: [String: String]) -> [String: String] {
        environment.filter { allows($0.key) }
    }

    /// Claudio's secrets and its own `CLAUDIO_*` variables.
    static func isNeverPassed(_ name: String) -> Bool {
        secretNames.contains(name) || name.hasPrefix(claudioPrefix)
    }
}
