import Glibc
import Shared
import Testing

@testable import ClaudioBot

@Suite("The environment claude gets (SPEC §12)")
struct JobEnvironmentTests {
    /// A daemon's environment as an operator's shell and service manager would leave it.
    static let daemonEnvironment = [
        "PATH": "/usr/bin:/bin", "HOME": "/home/claudio", "USER": "claudio", "LOGNAME": "claudio",
        "SHELL": "/bin/bash", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "LC_TIME": "en_GB.UTF-8", "TZ": "UTC",
        "TERM": "xterm", "ANTHROPIC_API_KEY": "sk-ant-1", "ANTHROPIC_BASE_URL": "http://127.0.0.1:9",
        "CLAUDE_CODE_USE_BEDROCK": "0", "CLAUDE_CLI_PATH": "/usr/local/bin/claude", "IS_SANDBOX": "1",
        "DISABLE_AUTOUPDATER": "1", "http_proxy": "http://proxy:3128", "HTTPS_PROXY": "http://proxy:3128",
        "no_proxy": "localhost", "ALL_PROXY": "socks5://proxy:1080", "NODE_EXTRA_CA_CERTS": "/etc/ca.pem",
        "SSL_CERT_FILE": "/etc/ssl/cert.pem", "SSL_CERT_DIR": "/etc/ssl/certs",
        // What claude must not see unless listed, or ever.
        "TELEGRAM_BOT_TOKEN": "1:secret", "SLACK_BOT_TOKEN": "xoxb-secret", "SLACK_APP_TOKEN": "xapp-secret",
        "TRANSCRIPTION_API_KEY": "sk-transcribe", "CLAUDIO_STATE_DIR": "/var/lib/claudio",
        "CLAUDIO_ADMIN_SOCKET": "/run/claudio/admin.sock", "CLAUDIO_LOCK_DIR": "/tmp",
        "CLAUDIO_JOB_ID": "outer-job", "ALLOWED_USER_IDS": "42", "SLACK_API_BASE_URL": "https://slack.example",
        "LOG_LEVEL": "debug", "WORKSPACE_PATH": "/srv/work", "JOB_ENV_PASSTHROUGH": "GITHUB_TOKEN",
        "GITHUB_TOKEN": "ghp-1", "AWS_REGION": "eu-west-1", "AWS_SECRET_ACCESS_KEY": "aws-1",
        "OPENAI_API_KEY": "sk-openai", "XDG_RUNTIME_DIR": "/run/user/1000", "SSH_AUTH_SOCK": "/tmp/ssh-agent",
    ]
    static let standard: Set<String> = [
        "PATH", "HOME", "USER", "LOGNAME", "SHELL", "LANG", "LC_ALL", "LC_TIME", "TZ", "TERM", "ANTHROPIC_API_KEY",
        "ANTHROPIC_BASE_URL", "CLAUDE_CODE_USE_BEDROCK", "CLAUDE_CLI_PATH", "IS_SANDBOX", "DISABLE_AUTOUPDATER",
        "http_proxy", "HTTPS_PROXY", "no_proxy", "ALL_PROXY", "NODE_EXTRA_CA_CERTS", "SSL_CERT_FILE", "SSL_CERT_DIR",
    ]

    @Test("without JOB_ENV_PASSTHROUGH only SPEC §12's names and patterns are kept, with their values")
    func standardOnly() {
        let scrubbed = JobEnvironment(passthrough: []).scrub(Self.daemonEnvironment)
        #expect(Set(scrubbed.keys) == Self.standard)
        for (name, value) in scrubbed { #expect(Self.daemonEnvironment[name] == value) }
    }

    @Test("JOB_ENV_PASSTHROUGH adds exact names and PREFIX_* patterns, nothing else")
    func passthrough() {
        let environment = JobEnvironment(passthrough: ["GITHUB_TOKEN", "AWS_*", "NOT_SET"])
        let scrubbed = environment.scrub(Self.daemonEnvironment)
        #expect(Set(scrubbed.keys) == Self.standard.union(["GITHUB_TOKEN", "AWS_REGION", "AWS_SECRET_ACCESS_KEY"]))
        #expect(environment.withheld.isEmpty)
        #expect(!environment.allows("GITHUB_TOKENS") && !environment.allows("AWS") && environment.allows("AWS_"))
    }

    @Test("the bot tokens, TRANSCRIPTION_API_KEY and CLAUDIO_* are never passed, even when listed, and are reported")
    func neverPassed() {
        let listed = [
            "TELEGRAM_BOT_TOKEN", "SLACK_*", "TRANSCRIPTION_API_KEY", "CLAUDIO_*", "CLAUDIO_STATE_DIR", "CLAUDIO_JOB_ID",
            "C*", "GITHUB_TOKEN",
        ]
        let environment = JobEnvironment(passthrough: listed)
        let scrubbed = environment.scrub(Self.daemonEnvironment)
        for name in ["TELEGRAM_BOT_TOKEN", "SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "TRANSCRIPTION_API_KEY"] {
            #expect(scrubbed[name] == nil, "\(name) was passed")
        }
        #expect(scrubbed.keys.filter { $0.hasPrefix("CLAUDIO_") }.isEmpty)
        // What the broader patterns match besides the secrets still goes through.
        #expect(scrubbed["SLACK_API_BASE_URL"] != nil && scrubbed["GITHUB_TOKEN"] != nil)
        #expect(environment.withheld == [
            WithheldPassthrough(entry: "TELEGRAM_BOT_TOKEN", withheld: ["TELEGRAM_BOT_TOKEN"]),
            WithheldPassthrough(entry: "SLACK_*", withheld: ["SLACK_APP_TOKEN", "SLACK_BOT_TOKEN"]),
            WithheldPassthrough(entry: "TRANSCRIPTION_API_KEY", withheld: ["TRANSCRIPTION_API_KEY"]),
            WithheldPassthrough(entry: "CLAUDIO_*", withheld: ["CLAUDIO_*"]),
            WithheldPassthrough(entry: "CLAUDIO_STATE_DIR", withheld: ["CLAUDIO_STATE_DIR"]),
            WithheldPassthrough(entry: "CLAUDIO_JOB_ID", withheld: ["CLAUDIO_JOB_ID"]),
            WithheldPassthrough(entry: "C*", withheld: ["CLAUDIO_*"]),
        ])
        #expect(environment.withheld[1].description == "SLACK_* (but not SLACK_APP_TOKEN, SLACK_BOT_TOKEN)")
    }

    @Test("OPENAI_API_KEY, which the transcription key falls back to, is never passed, even when listed or matched")
    func openAIKeyWithheld() {
        let environment = JobEnvironment(passthrough: ["OPENAI_API_KEY", "OPENAI_*"])
        let scrubbed = environment.scrub(Self.daemonEnvironment.merging(["OPENAI_ORG": "org-1"]) { $1 })
        #expect(scrubbed["OPENAI_API_KEY"] == nil && scrubbed["OPENAI_ORG"] == "org-1")
        #expect(environment.withheld == [
            WithheldPassthrough(entry: "OPENAI_API_KEY", withheld: ["OPENAI_API_KEY"]),
            WithheldPassthrough(entry: "OPENAI_*", withheld: ["OPENAI_API_KEY"]),
        ])
    }

    @Test("a forbidden name in JOB_ENV_PASSTHROUGH is no configuration error, but a startup warning naming it")
    func warning() throws {
        let settings = try SettingsLoader.settings(
            from: EnvironmentLayers(processEnvironment: [
                "TELEGRAM_BOT_TOKEN": "1:test", "ALLOWED_USER_IDS": "1", "WORKSPACE_PATH": "/tmp", "HOME": "/tmp",
                "JOB_ENV_PASSTHROUGH": "GITHUB_TOKEN,TELEGRAM_BOT_TOKEN,CLAUDIO_*",
            ]))
        #expect(settings.jobEnvironmentPassthrough == ["GITHUB_TOKEN", "TELEGRAM_BOT_TOKEN", "CLAUDIO_*"])
        let warnings = StartupWarnings.all(for: settings, cli: FakeClaude.cli, isRoot: false, environment: [:])
        let warning = try #require(warnings.first { $0.hasPrefix("JOB_ENV_PASSTHROUGH") })
        #expect(warning.contains("ignored: TELEGRAM_BOT_TOKEN, CLAUDIO_*."))
        #expect(!warning.contains("GITHUB_TOKEN"))

        var clean = settings
        clean.jobEnvironmentPassthrough = ["GITHUB_TOKEN"]
        let none = StartupWarnings.all(for: clean, cli: FakeClaude.cli, isRoot: false, environment: [:])
        #expect(!none.contains { $0.hasPrefix("JOB_ENV_PASSTHROUGH") })
    }

    @Test("of Claudio's own settings only CLAUDE_CLI_PATH matches an allowed pattern")
    func ownSettings() {
        let passed = SettingsVariable.all.filter(JobEnvironment(passthrough: []).allows)
        #expect(passed == [SettingsVariable.claudeCLIPath])
    }

    @Test("the launched child still gets its CLAUDIO_JOB_ID, and not the daemon's")
    func jobTagSurvives() async throws {
        let scrubbed = JobEnvironment(passthrough: ["CLAUDIO_*"]).scrub(Self.daemonEnvironment)
        let child = try TestReaper.launcher.launch(
            LaunchRequest(
                executablePath: "/usr/bin/env", environment: scrubbed, jobTag: "job-7", standardOutput: .capture,
                standardError: .nullDevice))
        var output: [UInt8] = []
        for await chunk in child.standardOutput { output += chunk }
        #expect(await child.waitForExit() == .exited(0))
        let lines = String(decoding: output, as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.hasPrefix("CLAUDIO_") } == ["CLAUDIO_JOB_ID=job-7"])
        #expect(lines.contains("ANTHROPIC_BASE_URL=http://127.0.0.1:9"))
        #expect(!lines.contains { $0.hasPrefix("TELEGRAM_BOT_TOKEN=") })
    }
}
